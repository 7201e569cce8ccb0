//! A labelled date box that never passes on a date still being typed.

use yew::prelude::*;

use crate::core::time::{entered_date, Date, FIRST_YEAR, LAST_YEAR};
use crate::ui::components::field::framed;
use crate::ui::dom::value_of;

#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Option<Date>,
    /// The date chosen, or `None` once cleared; only dates with a year
    /// the plan can use are given.
    pub onchange: Callback<Option<Date>>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The id of text elsewhere that describes the field too.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// Lets the form move focus to the box (optional for the reason
    /// [`super::field::FieldProps::input_ref`] is).
    #[prop_or_default]
    pub input_ref: Option<NodeRef>,
}

/// A labelled date input. A date field reports each part of a date as it is
/// typed, so a year on its way to 2026 reads 0002, 0020, 0202: such a date
/// is not passed on, and the field says what is wrong with it instead,
/// keeping the text as typed so that typing can go on.
#[function_component]
pub fn DateField(props: &DateFieldProps) -> Html {
    // The text typed and what is wrong with it, while it is not a date.
    let wrong = use_state(|| None::<(String, String)>);
    {
        // A date set elsewhere (an undo, another tab) ends the problem.
        let wrong = wrong.clone();
        use_effect_with(props.value, move |_| wrong.set(None));
    }
    let onchange = {
        let (wrong, emit) = (wrong.clone(), props.onchange.clone());
        Callback::from(move |event: Event| {
            let text = value_of(&event);
            match entered_date(&text) {
                Ok(date) => {
                    wrong.set(None);
                    emit.emit(date);
                }
                Err(problem) => wrong.set(Some((text, problem.message()))),
            }
        })
    };
    let value = match &*wrong {
        Some((text, _)) => text.clone(),
        None => props.value.map(Date::iso).unwrap_or_default(),
    };
    let (id, node) = (
        props.id.clone(),
        props.input_ref.clone().unwrap_or_default(),
    );
    framed(
        &props.id,
        &props.label,
        wrong.as_ref().map(|(_, problem)| problem.as_str()),
        props.hint.as_deref(),
        props.described_by.as_deref(),
        move |described, invalid| {
            html! {
                <input {id} ref={node} type="date"
                    min={format!("{FIRST_YEAR}-01-01")} max={format!("{LAST_YEAR}-12-31")}
                    {value} {onchange}
                    aria-invalid={invalid} aria-describedby={described} />
            }
        },
    )
}
