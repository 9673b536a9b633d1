//! Charts drawn as SVG on the server: no script, readable on a 360 px phone
//! (they scale to the width) and in print. Each chart sits next to a table
//! of the same numbers, which is what screen readers and spreadsheets use;
//! the chart's `<title>` names it.

use leptos::prelude::*;

/// Width and height of the drawing (the SVG scales to its box).
const W: f64 = 360.0;
const H: f64 = 200.0;
/// Room for the axis labels.
const LEFT: f64 = 26.0;
const BOTTOM: f64 = 22.0;
const TOP: f64 = 10.0;
const RIGHT: f64 = 6.0;

/// One column of a bars-and-lines chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The label under the column.
    pub label: String,
    /// The bar.
    pub bar: u32,
    /// The solid line's point (none: not drawn, e.g. months to come).
    pub line: Option<u32>,
    /// The dashed line's point (e.g. the even pace).
    pub dashed: Option<f64>,
}

/// A round top for the y axis: 1, 2, 5 times a power of ten, at least `max`.
fn nice_top(max: f64) -> f64 {
    if max <= 1.0 {
        return 1.0;
    }
    let mag = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|k| k * mag).find(|v| *v >= max).unwrap_or(10.0 * mag)
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// Bars per column with a solid line (running total) and a dashed line
/// (the pace) over them. `id` names the chart for `aria-labelledby`.
pub fn bars_and_lines(id: &str, title: String, columns: &[Column]) -> AnyView {
    let n = columns.len().max(1) as f64;
    let max = columns
        .iter()
        .flat_map(|c| [f64::from(c.bar), c.line.map_or(0.0, f64::from), c.dashed.unwrap_or(0.0)])
        .fold(0.0, f64::max);
    let top = nice_top(max);
    let (plot_w, plot_h) = (W - LEFT - RIGHT, H - TOP - BOTTOM);
    let step = plot_w / n;
    let x_mid = |i: usize| LEFT + step * (i as f64 + 0.5);
    let y = |v: f64| TOP + plot_h - plot_h * v / top;
    let bars: Vec<_> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.bar > 0)
        .map(|(i, c)| {
            let h = plot_h * f64::from(c.bar) / top;
            view! { <rect class="bar" x=fmt(x_mid(i) - step * 0.3) y=fmt(y(f64::from(c.bar))) width=fmt(step * 0.6) height=fmt(h)/> }
        })
        .collect();
    let points = |values: Vec<(usize, f64)>| values.into_iter().map(|(i, v)| format!("{},{}", fmt(x_mid(i)), fmt(y(v)))).collect::<Vec<_>>().join(" ");
    let solid = points(columns.iter().enumerate().filter_map(|(i, c)| c.line.map(|v| (i, f64::from(v)))).collect());
    let dashed = points(columns.iter().enumerate().filter_map(|(i, c)| c.dashed.map(|v| (i, v))).collect());
    // Every label when they fit, else every other one.
    let every = if columns.len() > 12 { 2 } else { 1 };
    let labels: Vec<_> = columns
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, c)| view! { <text class="axis" x=fmt(x_mid(i)) y=fmt(H - 6.0) text-anchor="middle">{c.label.clone()}</text> })
        .collect();
    let ticks: Vec<_> = [0.0, top / 2.0, top]
        .into_iter()
        .map(|v| {
            let label = if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") };
            view! {
                <line class="grid" x1=fmt(LEFT) x2=fmt(W - RIGHT) y1=fmt(y(v)) y2=fmt(y(v))/>
                <text class="axis" x=fmt(LEFT - 4.0) y=fmt(y(v) + 3.5) text-anchor="end">{label}</text>
            }
        })
        .collect();
    let (title_id, labelled_by) = (format!("{id}-title"), format!("{id}-title"));
    view! {
        <svg class="chart" id=id.to_string() viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby=labelled_by preserveAspectRatio="xMidYMid meet">
            <title id=title_id>{title}</title>
            {ticks}
            {bars}
            {(!dashed.is_empty()).then(|| view! { <polyline class="line-pace" points=dashed fill="none"/> })}
            {(!solid.is_empty()).then(|| view! { <polyline class="line-total" points=solid fill="none"/> })}
            {labels}
        </svg>
    }
    .into_any()
}

/// One bar of a horizontal bar chart (a funnel).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Its label, written above it.
    pub label: String,
    /// Its value, written at its end.
    pub value: u32,
}

/// Horizontal bars, each under its label, scaled to the largest: the funnel.
pub fn horizontal_bars(id: &str, title: String, bars: &[Bar]) -> AnyView {
    const ROW: f64 = 34.0;
    let height = ROW * bars.len().max(1) as f64 + 4.0;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let width = W - 48.0;
    let rows: Vec<_> = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let top = ROW * i as f64;
            let w = (width * f64::from(b.value) / f64::from(max)).max(if b.value > 0 { 2.0 } else { 0.0 });
            view! {
                <text class="label" x="0" y=fmt(top + 12.0)>{b.label.clone()}</text>
                <rect class="bar" x="0" y=fmt(top + 16.0) width=fmt(w) height="12"/>
                <text class="value" x=fmt(w + 4.0) y=fmt(top + 26.0)>{b.value.to_string()}</text>
            }
        })
        .collect();
    let (title_id, labelled_by) = (format!("{id}-title"), format!("{id}-title"));
    view! {
        <svg class="chart" id=id.to_string() viewBox=format!("0 0 {W} {height}") role="img" aria-labelledby=labelled_by preserveAspectRatio="xMidYMid meet">
            <title id=title_id>{title}</title>
            {rows}
        </svg>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_tops_are_round() {
        for (max, top) in [(0.0, 1.0), (1.0, 1.0), (3.0, 5.0), (7.5, 10.0), (12.0, 20.0), (145.0, 200.0), (600.0, 1000.0)] {
            assert_eq!(nice_top(max), top, "{max}");
        }
    }
}
