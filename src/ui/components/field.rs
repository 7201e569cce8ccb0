//! A labelled text box: the one way forms ask for text.

use yew::prelude::*;

use crate::ui::dom::value_of;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// The new text, on every keystroke.
    pub oninput: Callback<String>,
    /// A text area this many rows high; a one-line input when `None`.
    #[prop_or_default]
    pub rows: Option<u8>,
    /// What is wrong, said beside the box (which is then marked invalid).
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    /// A hint below the box while there is no problem.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The id of text elsewhere that describes the box, when it has
    /// neither problem nor hint of its own.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// Lets the form move focus to the box.
    #[prop_or_default]
    pub input_ref: NodeRef,
}

/// A label, a text box, and its problem or hint, tied together for
/// assistive technology.
#[function_component]
pub fn Field(props: &FieldProps) -> Html {
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = match (&props.problem, &props.hint) {
        (Some(_), _) => Some(AttrValue::from(error_id.clone())),
        (None, Some(_)) => Some(AttrValue::from(hint_id.clone())),
        (None, None) => props.described_by.clone(),
    };
    let invalid = props.problem.as_ref().map(|_| "true");
    let oninput = props.oninput.reform(|event: InputEvent| value_of(&event));
    let (id, value, node) = (
        props.id.clone(),
        props.value.clone(),
        props.input_ref.clone(),
    );
    let control = match props.rows {
        Some(rows) => html! {
            <textarea {id} ref={node} rows={rows.to_string()} {value} {oninput}
                aria-invalid={invalid} aria-describedby={described} />
        },
        None => html! {
            <input {id} ref={node} type="text" {value} {oninput}
                aria-invalid={invalid} aria-describedby={described} />
        },
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            { control }
            if let Some(problem) = &props.problem {
                <p id={error_id} class="field-error">{ problem }</p>
            } else if let Some(hint) = &props.hint {
                <p id={hint_id} class="hint">{ hint }</p>
            }
        </div>
    }
}
