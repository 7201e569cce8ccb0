//! A short practice: a definition is shown, the user names the term.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::counted;
use crate::core::glossary::Terms;
use crate::core::route::Route;
use crate::core::vocabulary::{masked_definition, pick, pool, Pool, Round, Verdict};
use crate::ui::focus::{use_focus, Focus};
use crate::ui::state::use_app;

/// Questions in one round.
const QUESTIONS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    pub terms: Rc<Terms>,
}

#[function_component]
pub fn Practice(props: &PracticeProps) -> Html {
    let app = use_app();
    let chosen = use_state(|| Pool::Learning);
    let round = use_state(|| None::<Round>);
    let focus = use_focus();
    // The answer box, and the score heading at the end of a round.
    let answer = use_node_ref();
    let result = use_node_ref();
    let all = props.terms.all();
    let candidates = pool(&all, &app.state.document.vocabulary, *chosen);

    let on_pool = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let id = event.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set(Pool::from_id(&id).unwrap_or(Pool::Learning));
        })
    };
    let start = {
        let (round, candidates) = (round.clone(), candidates.clone());
        let (focus, answer) = (focus.clone(), answer.clone());
        Callback::from(move |_: MouseEvent| {
            let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
            round.set(Some(Round::new(pick(&candidates, QUESTIONS, seed))));
            focus.to(&answer);
        })
    };

    let body = match &*round {
        None => {
            let count = candidates.len();
            html! {
                <>
                    <div class="field">
                        <label for="practice-pool">{ "Practise with" }</label>
                        <select id="practice-pool" onchange={on_pool}>
                            { for Pool::ALL.iter().map(|p| html! {
                                <option value={p.id()} selected={*p == *chosen}>{ p.label() }</option>
                            }) }
                        </select>
                    </div>
                    if count == 0 {
                        <p class="hint">{ "No terms here yet. Mark terms as Learning on their pages, or practise with all terms." }</p>
                    } else {
                        <p class="hint">{ format!("{} from {}.", counted(QUESTIONS.min(count), "question", "questions"), counted(count, "term", "terms")) }</p>
                        <button type="button" onclick={start}>{ "Start practising" }</button>
                    }
                </>
            }
        }
        Some(current) if current.done() => summary(&props.terms, current, start, &result),
        Some(current) => question(&props.terms, current, &round, &focus, &answer, &result),
    };
    html! {
        <details class="tool" id="practice-tool">
            <summary>{ "Practise" }</summary>
            <div class="practice">{ body }</div>
        </details>
    }
}

/// The question on screen. Focus moves to `answer` for the next question,
/// or to `result` once the round is done.
fn question(
    terms: &Terms,
    current: &Round,
    round: &UseStateHandle<Option<Round>>,
    focus: &Focus,
    answer: &NodeRef,
    result: &NodeRef,
) -> Html {
    let at = current.at();
    let term = terms.get(current.questions[at]);
    let checked = current.checked;
    let oninput = {
        let round = round.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(current) = &*round {
                round.set(Some(Round {
                    answer: event.target_unchecked_into::<HtmlInputElement>().value(),
                    ..current.clone()
                }));
            }
        })
    };
    let onsubmit = {
        let round = round.clone();
        let (focus, answer, result) = (focus.clone(), answer.clone(), result.clone());
        let term = term.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(current) = &*round else { return };
            let mut next = current.clone();
            next.submit(&term);
            if !next.checked {
                focus.to(if next.done() { &result } else { &answer });
            }
            round.set(Some(next));
        })
    };
    let feedback = checked.then(|| {
        let link =
            html! { <a href={Route::GlossaryTerm(term.id.clone()).href()}>{ &term.name }</a> };
        match current.verdicts[at] {
            Verdict::Right => html! { <>{ "Right: " }{ link }{ "." }</> },
            Verdict::Close => html! { <>{ "Right, nearly spelled: " }{ link }{ "." }</> },
            Verdict::Wrong => html! { <>{ "Not this time. It is " }{ link }{ "." }</> },
        }
    });
    let last = at + 1 == current.questions.len();
    html! {
        <form {onsubmit}>
            <h3>{ format!("Question {} of {}", at + 1, current.questions.len()) }</h3>
            <blockquote class="practice-definition"><p>{ masked_definition(term) }</p></blockquote>
            <div class="field">
                <label for="practice-answer">{ "Which term is this?" }</label>
                <input ref={answer.clone()} id="practice-answer" type="text" autocomplete="off" spellcheck="false"
                    value={current.answer.clone()} {oninput} readonly={checked} />
            </div>
            <p class="status" role="status">{ feedback }</p>
            <button type="submit">{ match (checked, last) {
                (false, _) => "Check",
                (true, false) => "Next question",
                (true, true) => "See how you did",
            } }</button>
        </form>
    }
}

/// How the round went; focus comes to its heading, `result`.
fn summary(terms: &Terms, current: &Round, again: Callback<MouseEvent>, result: &NodeRef) -> Html {
    let right = current.right();
    let rows = current
        .questions
        .iter()
        .zip(&current.verdicts)
        .map(|(term, verdict)| {
            let term = terms.get(*term);
            let mark = if *verdict == Verdict::Wrong {
                "Missed"
            } else {
                "Knew it"
            };
            html! {
                <li>
                    <a href={Route::GlossaryTerm(term.id.clone()).href()}>{ &term.name }</a>
                    { format!(": {mark}") }
                </li>
            }
        });
    html! {
        <>
            <h3 tabindex="-1" ref={result.clone()}>{ format!("You knew {right} of {}", current.questions.len()) }</h3>
            <ul>{ for rows }</ul>
            <p class="hint">{ "Open a term to mark it as Learning or Confident." }</p>
            <button type="button" onclick={again}>{ "Practise again" }</button>
        </>
    }
}
