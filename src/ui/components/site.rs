//! What the site hosting Rungs says about itself in `rungs.config.json`:
//! the organisation's name in the header, and its default rubric (read by
//! the rubric's loader, see `ui::content`). A configuration that cannot be
//! used leaves the built-in rubric in place, and a notice says why.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use yew::prelude::*;

use crate::core::config::{Config, CONFIG_FILE};
use crate::ui::content::fetch_text;

thread_local! {
    // The configuration's text on its way, fetched once for the header
    // and the rubric's loader alike.
    static FETCH: RefCell<Option<Promise>> = const { RefCell::new(None) };
    // What could not be used, and the notice to tell it: site facts, the
    // same for every page, not the user's state.
    static PROBLEM: RefCell<Option<String>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Callback<String>>> = const { RefCell::new(None) };
}

/// The site's configuration; why it cannot be used, when it cannot. A
/// site with no configuration file has the empty one.
pub async fn config() -> Rc<Result<Config, String>> {
    let promise = FETCH.with(|fetch| {
        fetch
            .borrow_mut()
            .get_or_insert_with(|| {
                future_to_promise(async {
                    fetch_text(CONFIG_FILE)
                        .await
                        .map(|text| JsValue::from_str(&text))
                        .map_err(|problem| JsValue::from_str(&problem))
                })
            })
            .clone()
    });
    let config = match JsFuture::from(promise).await {
        Ok(text) => Config::parse(&text.as_string().unwrap_or_default()),
        Err(problem) if problem.as_string().is_some_and(|p| p.ends_with(" 404")) => {
            Ok(Config::default())
        }
        Err(problem) => Err(format!(
            "{CONFIG_FILE} could not be read: {}",
            problem.as_string().unwrap_or_default()
        )),
    };
    if let Err(problem) = &config {
        tell(problem.clone());
    }
    Rc::new(config)
}

/// Tells the user that the site's configuration could not be used.
pub fn tell(problem: String) {
    PROBLEM.with(|slot| *slot.borrow_mut() = Some(problem.clone()));
    if let Some(listener) = LISTENER.with(|l| l.borrow().clone()) {
        listener.emit(problem);
    }
}

/// The organisation's name, after the product's, once the configuration
/// names one.
#[function_component]
pub fn Organisation() -> Html {
    let name = use_state(|| None::<String>);
    {
        let name = name.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(Config {
                    organisation: Some(organisation),
                    ..
                }) = &*config().await
                {
                    name.set(Some(organisation.trim().to_owned()));
                }
            });
        });
    }
    match &*name {
        Some(name) => html! { <span class="brand-org">{ name.clone() }</span> },
        None => html! {},
    }
}

/// Says, once it is known, that the site's configuration could not be
/// used and that the built-in rubric is in use instead.
#[function_component]
pub fn SiteNotice() -> Html {
    let problem = use_state(|| PROBLEM.with(|slot| slot.borrow().clone()));
    {
        let problem = problem.setter();
        use_effect_with((), move |_| {
            LISTENER
                .with(|l| *l.borrow_mut() = Some(Callback::from(move |p| problem.set(Some(p)))));
            || LISTENER.with(|l| *l.borrow_mut() = None)
        });
    }
    let Some(problem) = &*problem else {
        return html! {};
    };
    html! {
        <section class="notices" aria-label="Site notice">
            <div class="notice" role="status">
                <h2>{ "This site's settings could not be used" }</h2>
                <p>{ problem.clone() }</p>
                <p>{ "Rungs uses its built-in rubric instead. Your data is safe and unchanged. Tell whoever hosts this page." }</p>
            </div>
        </section>
    }
}
