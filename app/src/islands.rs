//! The only code that runs in the browser (Leptos islands). Every page is
//! server-rendered HTML whose forms work without JavaScript; an island adds
//! what a plain page cannot do, and the page stays usable when the wasm has
//! not arrived yet (a slow network) or never does. Props are plain
//! serialisable values; `children` are server HTML the island does not touch.

use leptos::prelude::*;

/// A roster or results upload form that shows the upload's progress. Without
/// the wasm it is a plain multipart form posting to `action`.
#[island]
pub fn UploadForm(
    /// The upload endpoint (`/upload/roster`).
    action: String,
    /// The form's id.
    id: String,
    /// The progress bar's label ("Đang tải lên…").
    uploading: String,
    /// The submit button's text.
    button: String,
    /// The form's fields, rendered on the server.
    children: Children,
) -> impl IntoView {
    let progress = RwSignal::new(None::<f64>);
    let endpoint = action.clone();
    view! {
        <form method="post" action=action enctype="multipart/form-data" id=id
            on:submit=move |ev| upload_with_progress(ev, &endpoint, progress)>
            {children()}
            {move || progress.get().map(|p| view! {
                <div class="field">
                    <label for="upload-progress">{uploading.clone()}</label>
                    <progress id="upload-progress" max="100" value=format!("{:.0}", p * 100.0)></progress>
                </div>
            })}
            <button type="submit" disabled=move || progress.get().is_some()>{button}</button>
        </form>
    }
}

/// Sends the form by XMLHttpRequest to show upload progress, then follows the
/// server's redirect (to the preview, or back with the error). Without the
/// wasm the form posts normally.
#[allow(unused_variables)]
fn upload_with_progress(ev: leptos::ev::SubmitEvent, endpoint: &str, progress: RwSignal<Option<f64>>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::{closure::Closure, JsCast};
        use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else { return };
        let (Ok(data), Ok(xhr)) = (FormData::new_with_form(&form), XmlHttpRequest::new()) else { return };
        if xhr.open("POST", endpoint).is_err() {
            return;
        }
        ev.prevent_default();
        progress.set(Some(0.0));
        if let Ok(upload) = xhr.upload() {
            let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
                if e.length_computable() && e.total() > 0.0 {
                    progress.set(Some(e.loaded() / e.total()));
                }
            });
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
            on_progress.forget();
        }
        let done_xhr = xhr.clone();
        let on_load = Closure::<dyn FnMut()>::new(move || {
            // XHR followed the server's redirect; go where it led, on this site only.
            let to = done_xhr.response_url();
            let path = to.find("://").and_then(|i| to[i + 3..].find('/').map(|j| to[i + 3 + j..].to_string())).unwrap_or_else(|| "/".into());
            let _ = window().location().set_href(&path);
        });
        xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
        on_load.forget();
        let on_error = Closure::<dyn FnMut()>::new(move || progress.set(None));
        xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        if xhr.send_with_opt_form_data(Some(&data)).is_err() {
            progress.set(None);
        }
    }
}

/// A "tick all" box for a list of checkboxes named `name` in the element
/// `form` (a form, or a part of one such as a fieldset; inside it, or
/// attached with `form=`). Hidden until the wasm is live, so
/// it never shows as a control that does nothing.
#[island]
pub fn TickAll(
    /// The form's id.
    form: String,
    /// The checkboxes' name (`students[]`).
    name: String,
    /// The box's label ("Chọn tất cả").
    label: String,
    /// Whether the list starts ticked.
    ticked: bool,
) -> impl IntoView {
    let live = RwSignal::new(false);
    // Effects run in the browser only: the box shows once the island is live.
    Effect::new(move || live.set(true));
    let id = format!("{form}-tick-all");
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        set_all(&form, &name, on);
    };
    view! {
        <div class="field checkbox tick-all" hidden=move || !live.get()>
            <input id=id.clone() type="checkbox" checked=ticked on:change=on_change/>
            <label for=id>{label}</label>
        </div>
    }
}

/// Ticks or clears every checkbox `name` of form `form`.
#[allow(unused_variables)]
fn set_all(form: &str, name: &str, on: bool) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        // The boxes, and any narrower "tick all" inside (a batch's), so every box agrees.
        let selector = format!(
            "#{form} input[type=checkbox][name='{name}'], input[type=checkbox][form='{form}'][name='{name}'], #{form} .tick-all input[type=checkbox]"
        );
        let Ok(list) = document().query_selector_all(&selector) else { return };
        for i in 0..list.length() {
            if let Some(input) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                input.set_checked(on);
            }
        }
    }
}
