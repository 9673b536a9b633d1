//! The browser entry point: brings the page's islands to life. Everything
//! else on a page is server-rendered HTML that needs no wasm.

// The islands are `#[wasm_bindgen]` exports of `nguon_app`; nothing here names
// them, so the crate must be linked explicitly or the wasm would carry none.
extern crate nguon_app;

/// Called by the islands script Leptos puts in every page; the script then
/// hydrates each `<leptos-island>`. Marks the document (`data-islands="live"`)
/// so tests and the first-load benchmark can tell when that moment came.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-islands", "live");
    }
}
