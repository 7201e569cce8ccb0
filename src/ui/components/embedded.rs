//! Rungs inside another page's frame (a wiki page): a link to open it in a
//! tab of its own, why its data may be kept apart or not kept at all, and a
//! way to take the data out when the frame blocks downloads. A split point
//! of its own, with the data page's code, fetched only when the app is
//! framed (see `docs/embedding.md`).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use crate::core::persist::Location;
use crate::core::route::Route;
use crate::ui::components::notices::data_file_name;
use crate::ui::dom;
use crate::ui::state::{use_app, Action};

/// The split point's view: what a framed page adds under the notices.
pub fn view(route: &Route) -> Html {
    html! { <Embedded route={route.clone()} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    /// The page on screen, which the new tab opens at.
    route: Route,
}

/// Whether the page that frames this one is on another origin: then the
/// browser keeps this frame's storage apart from Rungs opened on its own
/// (storage partitioning), when it lets the frame have any.
fn framed_from_elsewhere() -> bool {
    dom::window()
        .top()
        .ok()
        .flatten()
        .is_none_or(|top| top.location().href().is_err())
}

#[function_component]
fn Embedded(props: &Props) -> Html {
    use_effect_with((), |_| forms::submit_by_hand());
    let app = use_app();
    let in_memory = app.state.health.location == Location::Memory;
    let apart = !in_memory && framed_from_elsewhere();
    html! {
        <aside class="embedded" aria-label="Rungs in this page">
            <p>
                { "Rungs is embedded in this page. " }
                <a href={props.route.href()} target="_blank" rel="noopener">
                    { "Open in a new tab" }
                </a>
            </p>
            if in_memory {
                <p>{ "This frame doesn't let Rungs use your browser's storage (a wiki's frame sandboxed without it, or a browser that blocks storage in embedded pages), so nothing is kept when you leave. Take a copy before you go. If Download does nothing here, the frame blocks downloads: copy your data instead, and bring it in later under Your data." }</p>
                <CopyData />
            } else if apart {
                <p>{ "Because this page is on another site, your browser keeps what you enter here apart from Rungs opened in its own tab: the two don't share data. To move it, take a copy on the Your data page of one, and bring it in on the other's." }</p>
            }
        </aside>
    }
}

/// A button that copies this tab's data, as the data file, to the
/// clipboard: the way out of a frame that blocks downloads. Where the
/// browser will not copy either, the text is shown, selected, to copy by
/// hand.
#[function_component]
pub fn CopyData() -> Html {
    let app = use_app();
    let status = use_state(AttrValue::default);
    let shown = use_state(|| None::<AttrValue>);
    let area = use_node_ref();
    {
        // Once the text is on screen, it is selected, and copied if the
        // browser allows that much.
        let (area, status) = (area.clone(), status.clone());
        use_effect_with((*shown).clone(), move |shown| {
            if let (Some(_), Some(area)) = (shown, area.cast::<web_sys::HtmlTextAreaElement>()) {
                let _ = area.focus();
                area.select();
                let copied = dom::document()
                    .dyn_into::<web_sys::HtmlDocument>()
                    .is_ok_and(|document| document.exec_command("copy").unwrap_or(false));
                status.set(if copied {
                    copied_line()
                } else {
                    by_hand_line()
                });
            }
        });
    }
    let copy = {
        let (status, shown) = (status.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            let text = app.session().export(&app.state.document);
            app.state.dispatch(Action::Health(app.session().health()));
            let Some(clipboard) = dom::clipboard() else {
                shown.set(Some(text.into()));
                return;
            };
            let promise = clipboard.write_text(&text);
            let (status, shown) = (status.clone(), shown.clone());
            spawn_local(async move {
                if JsFuture::from(promise).await.is_ok() {
                    shown.set(None);
                    status.set(copied_line());
                } else {
                    shown.set(Some(text.into()));
                }
            });
        })
    };
    html! {
        <div class="copy-data">
            <button type="button" onclick={copy}>{ "Copy your data" }</button>
            <p class="status" role="status">{ (*status).clone() }</p>
            if let Some(text) = &*shown {
                <label for="copy-data-text">{ "Your data, to copy" }</label>
                <textarea id="copy-data-text" ref={area} readonly=true rows="4" value={text.clone()} />
            }
        </div>
    }
}

fn copied_line() -> AttrValue {
    format!(
        "Copied your data. Paste it into a new text file and save it as {}; Bring a copy in, on the Your data page, takes it back.",
        data_file_name()
    )
    .into()
}

fn by_hand_line() -> AttrValue {
    "This frame doesn't let Rungs copy either. Your data is in the box below, selected: press Ctrl+C (⌘C on a Mac) to copy it, then paste it into a new text file.".into()
}

/// Forms in a frame sandboxed without `allow-forms`, which most wikis leave
/// out: the browser drops every submission there before its `submit` event,
/// so no form of Rungs' would do anything. Inside any frame, Rungs submits
/// its forms itself: a submit button's click, or Enter in a field, checks
/// the form as the browser would and sends it a `submit` event of its own,
/// which the app's handlers take as usual (they never let a form navigate).
mod forms {
    use std::cell::Cell;

    use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
    use wasm_bindgen::JsCast;
    use web_sys::{
        Element, Event, HtmlButtonElement, HtmlFormElement, HtmlInputElement, KeyboardEvent,
        SubmitEvent, SubmitEventInit,
    };

    use crate::ui::dom;

    thread_local! {
        static INSTALLED: Cell<bool> = const { Cell::new(false) };
    }

    /// Listens, once, for the clicks and keys that submit a form.
    pub fn submit_by_hand() {
        if INSTALLED.replace(true) {
            return;
        }
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        let document = dom::document();
        EventListener::new_with_options(&document, "click", options, |event| {
            if let Some(button) = submit_button(event.target().as_ref()) {
                event.prevent_default();
                if let Some(form) = button.form() {
                    submit(&form, Some(&button));
                }
            }
        })
        .forget();
        EventListener::new_with_options(&document, "keydown", options, |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if key.key() != "Enter" || key.is_composing() {
                return;
            }
            let Some(input) = event
                .target()
                .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if !submits_on_enter(&input.type_()) {
                return;
            }
            if let Some(form) = input.form() {
                event.prevent_default();
                // As the browser does: the form's first submit button
                // stands for the click, if there is one.
                let default = form
                    .query_selector("button:not([type]), button[type=submit], input[type=submit]")
                    .ok()
                    .flatten();
                match default.and_then(|element| element.dyn_into::<HtmlButtonElement>().ok()) {
                    Some(button) if button.disabled() => {}
                    Some(button) => submit(&form, Some(&button)),
                    None => submit(&form, None),
                }
            }
        })
        .forget();
    }

    /// The submit button `target` is in, if it is one.
    fn submit_button(target: Option<&web_sys::EventTarget>) -> Option<HtmlButtonElement> {
        let element = target?.dyn_ref::<Element>()?.closest("button").ok()??;
        let button = element.dyn_into::<HtmlButtonElement>().ok()?;
        (button.type_() == "submit" && !button.disabled()).then_some(button)
    }

    /// Whether Enter in an input of this type submits its form.
    fn submits_on_enter(kind: &str) -> bool {
        !matches!(
            kind,
            "button"
                | "checkbox"
                | "color"
                | "file"
                | "hidden"
                | "image"
                | "radio"
                | "range"
                | "reset"
                | "submit"
        )
    }

    /// Checks `form` (unless it or the button says not to) and sends it a
    /// `submit` event from `submitter`.
    fn submit(form: &HtmlFormElement, submitter: Option<&HtmlButtonElement>) {
        let check =
            !form.no_validate() && submitter.is_none_or(|button| !button.form_no_validate());
        if check && !form.report_validity() {
            return;
        }
        let init = SubmitEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        if let Some(button) = submitter {
            init.set_submitter(Some(button));
        }
        if let Ok(event) = SubmitEvent::new_with_event_init_dict("submit", &init) {
            let _ = form.dispatch_event(event.unchecked_ref::<Event>());
        }
    }
}
