//! Deleting everything, after typing a confirmation; backed up first and
//! undoable.

use yew::prelude::*;

use super::replace_all;
use crate::core::persist::CopyKind;
use crate::core::schema::Document;
use crate::ui::dom;
use crate::ui::state::use_app;

/// What the user types to confirm.
const CONFIRMATION: &str = "DELETE";

#[function_component]
pub fn Reset() -> Html {
    let app = use_app();
    let typed = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| typed.set(dom::value_of(&event)))
    };
    let onsubmit = {
        let (app, typed, problem) = (app.clone(), typed.clone(), problem.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if typed.trim() != CONFIRMATION {
                problem.set(Some(format!("Type {CONFIRMATION} in capitals to confirm.")));
                return;
            }
            let outcome = replace_all(
                &app,
                Document::default(),
                CopyKind::BeforeReset,
                "Deleted everything. A backup is kept on this page.".into(),
            );
            problem.set(outcome.err());
            typed.set(String::new());
        })
    };
    html! {
        <section class="card danger-zone" aria-labelledby="reset-heading">
            <h2 id="reset-heading">{ "Delete everything" }</h2>
            <p>{ "Deletes your assessment, plan, own terms and settings from Rungs in this browser. A backup is kept first, and Undo puts everything back." }</p>
            <form {onsubmit}>
                <label for="reset-confirm">{ format!("Type {CONFIRMATION} to confirm") }</label>
                <input id="reset-confirm" type="text" autocomplete="off" value={(*typed).clone()} {oninput}
                    aria-describedby={problem.is_some().then_some("reset-problem")} />
                if let Some(problem) = &*problem {
                    <p id="reset-problem" role="alert" class="field-error">{ problem }</p>
                }
                <button type="submit" class="danger">{ "Delete everything" }</button>
            </form>
        </section>
    }
}
