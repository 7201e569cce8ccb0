//! Rungs inside another page's frame (a wiki page): a link to open it in a
//! tab of its own, why its data may be kept apart or not kept at all, and a
//! way to take the data out when the frame blocks downloads. A split point
//! of its own, with the data page's code, fetched only when the app is
//! framed (see `docs/embedding.md`).

use wasm_bindgen::JsValue;
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
    // Another origin's address cannot be read: reading it throws.
    let location = js::get(&js::get(&dom::window(), "top"), "location");
    js_sys::Reflect::get(&location, &"href".into()).is_err()
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
            if let (Some(_), Some(area)) = (shown, area.cast::<web_sys::HtmlElement>()) {
                let _ = area.focus();
                js::call(&area, "select", &JsValue::UNDEFINED);
                let copied = js::call(&dom::document(), "execCommand", &"copy".into()).is_truthy();
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
    use wasm_bindgen::{JsCast, JsValue};

    use super::js;
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
            let Some(target) = event.target() else {
                return;
            };
            let button = js::call(&target, "closest", &"button".into());
            if js::text(&button, "type").as_deref() != Some("submit")
                || js::get(&button, "disabled").is_truthy()
            {
                return;
            }
            let form = js::get(&button, "form");
            if form.is_object() {
                event.prevent_default();
                submit(&form, Some(&button));
            }
        })
        .forget();
        EventListener::new_with_options(&document, "keydown", options, |event| {
            if js::text(event, "key").as_deref() != Some("Enter")
                || js::get(event, "isComposing").is_truthy()
            {
                return;
            }
            let Some(target) = event.target() else {
                return;
            };
            let input = js::text(&target, "tagName").as_deref() == Some("INPUT");
            if !input || !js::text(&target, "type").is_some_and(|kind| submits_on_enter(&kind)) {
                return;
            }
            let form = js::get(&target, "form");
            if !form.is_object() {
                return;
            }
            event.prevent_default();
            // As the browser does: the form's first submit button stands
            // for the click, if there is one.
            let selector = "button:not([type]), button[type=submit]";
            let button = js::call(&form, "querySelector", &selector.into());
            if !button.is_object() {
                submit(&form, None);
            } else if !js::get(&button, "disabled").is_truthy() {
                submit(&form, Some(&button));
            }
        })
        .forget();
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
    fn submit(form: &JsValue, submitter: Option<&JsValue>) {
        let check = !js::get(form, "noValidate").is_truthy()
            && submitter.is_none_or(|button| !js::get(button, "formNoValidate").is_truthy());
        if check && !js::call(form, "reportValidity", &JsValue::UNDEFINED).is_truthy() {
            return;
        }
        let init = js_sys::Object::new();
        for (key, value) in [
            ("bubbles", JsValue::TRUE),
            ("cancelable", JsValue::TRUE),
            ("submitter", submitter.cloned().unwrap_or(JsValue::NULL)),
        ] {
            let _ = js_sys::Reflect::set(&init, &key.into(), &value);
        }
        // `new SubmitEvent("submit", init)`.
        let kind = js::get(&dom::window(), "SubmitEvent");
        let args = js_sys::Array::of1(&"submit".into());
        let _ = js_sys::Reflect::set(&args, &1.into(), &init);
        if let Ok(event) =
            js_sys::Reflect::construct(kind.unchecked_ref::<js_sys::Function>(), &args)
        {
            js::call(form, "dispatchEvent", &event);
        }
    }
}

/// Browser properties and methods by name, through `Reflect`. Each method
/// web-sys binds adds its own few lines to the start script and to the main
/// module, which every first load fetches, and this module would need a
/// score of them, most in no other page; a few bindings serve them all.
mod js {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// `target[name]`; `undefined` where it has none, or reading throws.
    pub fn get(target: &JsValue, name: &str) -> JsValue {
        Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
    }

    /// `target[name]` when it is a string.
    pub fn text(target: &JsValue, name: &str) -> Option<String> {
        get(target, name).as_string()
    }

    /// `target[name](arg)`; `undefined` where there is no such method, or
    /// it throws. A method that takes no argument ignores `arg`.
    pub fn call(target: &JsValue, name: &str, arg: &JsValue) -> JsValue {
        let method = get(target, name);
        let Some(method) = method.dyn_ref::<Function>() else {
            return JsValue::UNDEFINED;
        };
        Reflect::apply(method, target, &Array::of1(arg)).unwrap_or(JsValue::UNDEFINED)
    }
}
