//! The plan's timeline in hand-written SVG: one row per goal from its start
//! to its due date, its progress along it, a diamond per milestone, and
//! lines for today and the promotion target. `core::progress::timeline`
//! works out every position; this only draws. The chart is labelled with a
//! one-sentence summary, and the page lists the same goals and milestones
//! as text.

use yew::prelude::*;

use crate::core::progress::{MarkState, Timeline, WIDTH};

const PAD: i32 = 16;
const AXIS: i32 = 40;
const ROW: i32 = 52;
/// A title longer than this is cut short in the chart (its row's tooltip
/// and the list beside it hold the whole title).
const TITLE_CHARS: usize = 70;

fn short(title: &str) -> String {
    match title.char_indices().nth(TITLE_CHARS) {
        Some((at, _)) => format!("{}…", title[..at].trim_end()),
        None => title.to_owned(),
    }
}

/// A text anchor that keeps a label near the right edge inside the chart.
fn anchor(x: i32) -> &'static str {
    if x > WIDTH - 120 {
        "end"
    } else {
        "start"
    }
}

pub fn timeline(chart: &Timeline) -> Html {
    let height = AXIS + ROW * chart.rows.len() as i32 + 28;
    let bottom = height - 28;
    let ticks = chart.ticks.iter().map(|tick| {
        // A tick at the right edge is labelled to its left, inside the chart.
        let (x, anchor) = if tick.x > WIDTH - 80 {
            (tick.x - 4, "end")
        } else {
            (tick.x + 4, "start")
        };
        html! {
            <g class="tl-tick">
                <line x1={tick.x.to_string()} x2={tick.x.to_string()} y1="26" y2={bottom.to_string()} />
                <text x={x.to_string()} y="20" text-anchor={anchor}>{ &tick.label }</text>
            </g>
        }
    });
    let rows = chart.rows.iter().enumerate().map(|(i, row)| {
        let top = AXIS + ROW * i as i32;
        let bar = (top + 30).to_string();
        let done = row.x1 + (row.x2 - row.x1) * i32::from(row.percent) / 100;
        let marks = row.marks.iter().map(|mark| {
            let state = match mark.state {
                MarkState::Done => "done",
                MarkState::Open => "open",
                MarkState::Overdue => "overdue",
            };
            let (x, y) = (mark.x, top + 30);
            let points = format!("{x},{} {},{y} {x},{} {},{y}", y - 9, x + 9, y + 9, x - 9);
            html! {
                <polygon class="tl-mark" data-state={state} {points}>
                    <title>{ format!("{} · due {}", mark.title, mark.due.label()) }</title>
                </polygon>
            }
        });
        html! {
            <g class="tl-row" data-overdue={row.overdue.then_some("true")}>
                <title>{ format!("{} · {}% done", row.title, row.percent) }</title>
                <text class="tl-title" x="0" y={(top + 14).to_string()}>{ short(&row.title) }</text>
                <line class="tl-bar" x1={row.x1.to_string()} x2={row.x2.to_string()} y1={bar.clone()} y2={bar.clone()} />
                <line class="tl-progress" x1={row.x1.to_string()} x2={done.to_string()} y1={bar.clone()} y2={bar} />
                { for marks }
            </g>
        }
    });
    let marker = |x: Option<i32>, class: &'static str, label: &'static str| {
        x.map(|x| {
            html! {
                <g class={class}>
                    <line x1={x.to_string()} x2={x.to_string()} y1="26" y2={bottom.to_string()} />
                    <text x={x.to_string()} y={(bottom + 20).to_string()} text-anchor={anchor(x)}>{ label }</text>
                </g>
            }
        })
    };
    html! {
        <svg class="timeline" role="img" aria-label={chart.summary.clone()}
            viewBox={format!("{} 0 {} {height}", -PAD, WIDTH + 2 * PAD)}>
            { for ticks }
            { for marker(chart.today, "tl-today", "Today") }
            { for marker(chart.target, "tl-target", "Promotion target") }
            { for rows }
        </svg>
    }
}
