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
    /// Lets the form move focus to the box. Optional rather than a
    /// default `NodeRef`: a new one would differ from the last (they
    /// compare by identity), and the field would be drawn again with every
    /// render of its form, though nothing about it changed.
    #[prop_or_default]
    pub input_ref: Option<NodeRef>,
}

/// A label, a text box, and its problem or hint, tied together for
/// assistive technology.
#[function_component]
pub fn Field(props: &FieldProps) -> Html {
    let oninput = props.oninput.reform(|event: InputEvent| value_of(&event));
    let (id, value, node) = (
        props.id.clone(),
        props.value.clone(),
        props.input_ref.clone().unwrap_or_default(),
    );
    let rows = props.rows;
    framed(
        &props.id,
        &props.label,
        props.problem.as_deref(),
        props.hint.as_deref(),
        props.described_by.as_deref(),
        move |described, invalid| match rows {
            Some(rows) => html! {
                <textarea {id} ref={node} rows={rows.to_string()} {value} {oninput}
                    aria-invalid={invalid} aria-describedby={described} />
            },
            None => html! {
                <input {id} ref={node} type="text" {value} {oninput}
                    aria-invalid={invalid} aria-describedby={described} />
            },
        },
    )
}

/// Every form field's frame: the label, `control`, and below it the
/// `problem` (which marks the control invalid) or else the `hint`.
/// `control` is given what describes it, the problem or hint and then
/// `described_by`, and whether it is invalid.
pub fn framed(
    id: &str,
    label: &str,
    problem: Option<&str>,
    hint: Option<&str>,
    described_by: Option<&str>,
    control: impl FnOnce(Option<String>, Option<&'static str>) -> Html,
) -> Html {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let own = match (problem, hint) {
        (Some(_), _) => Some(error_id.as_str()),
        (None, Some(_)) => Some(hint_id.as_str()),
        (None, None) => None,
    };
    let described: Vec<&str> = own.into_iter().chain(described_by).collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let control = control(described, problem.map(|_| "true"));
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label }</label>
            { control }
            if let Some(problem) = problem {
                <p id={error_id} class="field-error">{ problem }</p>
            } else if let Some(hint) = hint {
                <p id={hint_id} class="hint">{ hint }</p>
            }
        </div>
    }
}
