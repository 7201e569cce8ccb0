//! A radar chart in hand-written SVG: one axis per label, one polygon per
//! series, values from 0 to 100. It is decoration for sighted readers; the
//! page puts the same figures in a table for screen readers and print.

use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: AttrValue,
    /// One value per axis, 0 to 100.
    pub values: Vec<u8>,
}

const SIZE: f64 = 360.0;
const CENTRE: f64 = SIZE / 2.0;
const RADIUS: f64 = 110.0;
const RINGS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];

/// Where the tip of axis `i` of `n` points, scaled by `fraction` of the
/// radius, in whole SVG units (the viewBox is large enough that rounding
/// never shows); axis 0 points straight up and the rest follow clockwise.
fn point(i: usize, n: usize, fraction: f64) -> (i32, i32) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64;
    // The browser's Math, and integer output, keep software sines and
    // float formatting out of the wasm.
    let (sin, cos) = (js_sys::Math::sin(angle), js_sys::Math::cos(angle));
    let x = CENTRE + RADIUS * fraction * sin;
    let y = CENTRE - RADIUS * fraction * cos;
    ((x + 0.5).floor() as i32, (y + 0.5).floor() as i32)
}

fn polygon(n: usize, fraction: impl Fn(usize) -> f64) -> String {
    (0..n)
        .map(|i| {
            let (x, y) = point(i, n, fraction(i));
            format!("{x},{y}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart of `series` (drawn in order, named in the legend) over `axes`.
pub fn radar(axes: &[AttrValue], series: &[Series]) -> Html {
    let n = axes.len();
    if n < 3 {
        return Html::default();
    }
    let axes_names = axes;
    let rings = RINGS.iter().map(|&ring| {
        html! { <polygon class="radar-ring" points={polygon(n, |_| ring)} /> }
    });
    let axes = axes.iter().enumerate().map(|(i, label)| {
        let (x, y) = point(i, n, 1.0);
        let (lx, ly) = point(i, n, 1.12);
        let centre = CENTRE as i32;
        let anchor = if lx == centre {
            "middle"
        } else if lx > centre {
            "start"
        } else {
            "end"
        };
        html! {
            <>
                <line class="radar-axis" x1={centre.to_string()} y1={centre.to_string()} x2={x.to_string()} y2={y.to_string()} />
                <text class="radar-label" x={lx.to_string()} y={(ly + 4).to_string()} text-anchor={anchor}>{ label }</text>
                <text class="radar-number" x={lx.to_string()} y={(ly + 8).to_string()} text-anchor={anchor}>{ i + 1 }</text>
            </>
        }
    });
    let shapes = series.iter().enumerate().map(|(s, series)| {
        let points = polygon(n, |i| {
            f64::from(*series.values.get(i).unwrap_or(&0)) / 100.0
        });
        html! { <polygon class={format!("radar-series radar-series-{s}")} {points} /> }
    });
    // On a narrow screen the names would be too small to read: the axes
    // are numbered instead, and the names listed below in text.
    let key = axes_names.iter().map(|name| html! { <li>{ name }</li> });
    let legend = series.iter().enumerate().map(|(s, series)| {
        html! {
            <li><span class={format!("radar-key radar-series-{s}")} aria-hidden="true"></span>{ &series.name }</li>
        }
    });
    html! {
        <figure class="radar">
            <svg viewBox="-120 0 600 360" aria-hidden="true" focusable="false">
                { for rings }
                { for axes }
                { for shapes }
            </svg>
            <figcaption>
                <ul class="radar-legend">{ for legend }</ul>
                <ol class="radar-axes" aria-hidden="true">{ for key }</ol>
            </figcaption>
        </figure>
    }
}
