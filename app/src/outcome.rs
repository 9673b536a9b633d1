//! What a plain form post left for the page it returns to.
//!
//! Pages render on the server and their forms post as ordinary HTML forms to
//! server functions. The server-function handler (in the server crate) keeps
//! the outcome of such a post — which server function, whether it succeeded,
//! its answer, and the values typed (never passwords) — in a short-lived
//! cookie and answers `303 See Other` back to the form. The next render of the
//! page reads that cookie once: [`form_action`] seeds the matching action with
//! the answer, so a page shows the result or the translated error exactly as
//! it would for an action run in the browser, and form fields can take back
//! the values typed ([`typed_value`]). The server's page middleware decodes
//! the cookie once per page and deletes it in the page's response.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use nguon_shared::AppError;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// Name of the cookie carrying a form's outcome to the next page render.
pub const OUTCOME_COOKIE: &str = "nguon_outcome";

/// The largest outcome kept in the cookie (browsers keep 4 KB per cookie).
pub const MAX_COOKIE_BYTES: usize = 3800;

/// The outcome of one plain form post.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormOutcome {
    /// The server function's path (`/api/…`): which form on the page it was.
    #[serde(rename = "p")]
    pub path: String,
    /// Whether the server function succeeded.
    #[serde(rename = "k")]
    pub ok: bool,
    /// Its answer as JSON: the output on success, the [`AppError`] otherwise.
    #[serde(rename = "b")]
    pub body: String,
    /// The values typed, in form order (never a password): after a refusal
    /// the form is shown again as it was sent; either way they tell which of a
    /// page's forms was sent.
    #[serde(rename = "v", default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<(String, String)>,
}

impl FormOutcome {
    /// Whether a field of this name may travel back to the browser in the
    /// outcome (passwords never do).
    pub fn keeps_field(name: &str) -> bool {
        !(name.contains("password") || matches!(name, "confirm" | "current" | "new") || name.starts_with("__"))
    }

    /// The cookie value: URL-safe base64 of the JSON. Values are dropped, then
    /// the answer, when the whole would not fit in a cookie.
    #[cfg(feature = "ssr")]
    pub fn to_cookie_value(&self) -> String {
        use base64::Engine;
        let encode = |o: &FormOutcome| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(o).unwrap_or_default());
        let full = encode(self);
        if full.len() <= MAX_COOKIE_BYTES {
            return full;
        }
        // Many ticked boxes (a review of hundreds of entries): one pair per box
        // name, its values joined, so the ticks still come back.
        let compact = encode(&FormOutcome { values: compact_values(&self.values), ..self.clone() });
        if compact.len() <= MAX_COOKIE_BYTES {
            return compact;
        }
        let without_values = FormOutcome { values: Vec::new(), ..self.clone() };
        let shorter = encode(&without_values);
        if shorter.len() <= MAX_COOKIE_BYTES {
            return shorter;
        }
        // An answer too long for a cookie: the page still learns which form
        // succeeded or failed; a failure then shows the generic message.
        let body = if self.ok { "null".to_string() } else { serde_json::to_string(&too_long()).unwrap_or_default() };
        encode(&FormOutcome { body, ..without_values })
    }

    /// Reads a cookie value written by [`FormOutcome::to_cookie_value`].
    #[cfg(feature = "ssr")]
    pub fn from_cookie_value(value: &str) -> Option<FormOutcome> {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(value.trim()).ok()?;
        let o: FormOutcome = serde_json::from_slice(&bytes).ok()?;
        Some(FormOutcome { values: expand_values(o.values), ..o })
    }

    /// The answer as the server function's result type.
    pub fn result<O: DeserializeOwned>(&self) -> Option<Result<O, AppError>> {
        if self.ok {
            serde_json::from_str::<O>(&self.body).ok().map(Ok)
        } else {
            Some(Err(serde_json::from_str::<AppError>(&self.body).unwrap_or_else(|_| too_long())))
        }
    }
}

/// Marks the name of a pair holding every value of a repeated field.
#[cfg(feature = "ssr")]
const JOINED: char = '\u{1f}';
/// Between those values (one byte in the cookie, unlike a control character,
/// which JSON writes as six).
#[cfg(feature = "ssr")]
const BETWEEN: char = '|';

/// The values with each repeated field (`entries[]`) as one pair: its name
/// marked with a leading [`JOINED`], its values joined by [`BETWEEN`]
/// (a field whose values hold that character is kept as it is).
#[cfg(feature = "ssr")]
fn compact_values(values: &[(String, String)]) -> Vec<(String, String)> {
    let joinable = |k: &str| k.ends_with("[]") && values.iter().filter(|(n, _)| n == k).all(|(_, v)| !v.contains(BETWEEN));
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in values {
        if !joinable(k) {
            out.push((k.clone(), v.clone()));
            continue;
        }
        let joined = format!("{JOINED}{k}");
        match out.iter_mut().find(|(name, _)| *name == joined) {
            Some((_, all)) => {
                all.push(BETWEEN);
                all.push_str(v);
            }
            None => out.push((joined, v.clone())),
        }
    }
    out
}

/// The inverse of [`compact_values`]: one pair per value again.
#[cfg(feature = "ssr")]
fn expand_values(values: Vec<(String, String)>) -> Vec<(String, String)> {
    values
        .into_iter()
        .flat_map(|(k, v)| match k.strip_prefix(JOINED) {
            Some(name) => v.split(BETWEEN).map(|part| (name.to_string(), part.to_string())).collect::<Vec<_>>(),
            None => vec![(k, v)],
        })
        .collect()
}

/// The error shown when a refusal could not be carried back whole.
fn too_long() -> AppError {
    AppError::Request("outcome too long".into())
}

/// The outcome the current request carries, if any (server only; `None` in
/// the browser). The server's page middleware decoded it from its cookie once
/// and left it in the request's extensions.
pub fn current() -> Option<FormOutcome> {
    #[cfg(feature = "ssr")]
    return use_context::<http::request::Parts>()?.extensions.get::<FormOutcome>().cloned();
    #[cfg(not(feature = "ssr"))]
    None
}

/// The outcome of a refused form post, if the current request carries one.
fn refused() -> Option<FormOutcome> {
    current().filter(|o| !o.ok)
}

/// The first value of field `name` in a refused outcome.
fn value_of(o: FormOutcome, name: &str) -> Option<String> {
    o.values.into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// A server action for a form, holding the outcome of this server function's
/// last plain form post when the page is rendered right after it.
pub fn form_action<S>() -> ServerAction<S>
where
    S: ServerFn<Error = AppError> + Send + Sync + Clone + 'static,
    S::Output: DeserializeOwned + Send + Sync + 'static,
{
    let action = ServerAction::<S>::new();
    if let Some(result) = current().filter(|o| o.path == S::PATH).and_then(|o| o.result::<S::Output>()) {
        action.value().set(Some(result));
    }
    action
}

/// The value typed into field `name` of form `S` when it was last refused,
/// so the form can be shown again as it was sent.
pub fn typed_value<S: ServerFn>(name: &str) -> Option<String> {
    refused().filter(|o| o.path == S::PATH).and_then(|o| value_of(o, name))
}

/// The value typed into field `name` of whichever form was last refused
/// (for form pieces that know their error, not their server function).
pub fn typed_value_any(name: &str) -> Option<String> {
    refused().and_then(|o| value_of(o, name))
}

/// Every value typed into field `name` (ticked boxes, multiple selects) of
/// form `S` when it was last refused; `None` when that form was not refused.
pub fn typed_values<S: ServerFn>(name: &str) -> Option<Vec<String>> {
    refused()
        .filter(|o| o.path == S::PATH)
        .map(|o| o.values.into_iter().filter(|(k, _)| k == name || k.strip_suffix("[]") == Some(name)).map(|(_, v)| v).collect())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn cookie_round_trip_and_size_limit() {
        let o = FormOutcome { path: "/api/x".into(), ok: false, body: "\"Unauthenticated\"".into(), values: vec![("a".into(), "Đào".into())] };
        assert_eq!(FormOutcome::from_cookie_value(&o.to_cookie_value()), Some(o.clone()));
        let big = FormOutcome { values: (0..2000).map(|i| (format!("f{i}"), "x".repeat(10))).collect(), ..o.clone() };
        let v = big.to_cookie_value();
        assert!(v.len() <= MAX_COOKIE_BYTES);
        let back = FormOutcome::from_cookie_value(&v).unwrap();
        assert!(back.values.is_empty(), "values dropped first");
        assert_eq!(back.body, o.body);
        let huge = FormOutcome { ok: true, body: format!("\"{}\"", "y".repeat(10_000)), ..o };
        let back = FormOutcome::from_cookie_value(&huge.to_cookie_value()).unwrap();
        assert_eq!(back.result::<Option<String>>(), Some(Ok(None)));
        assert!(back.ok);
    }

    #[test]
    fn many_ticked_boxes_still_come_back() {
        // A review of 300 entries refused (six-digit ids): every tick comes back, in a cookie.
        let mut values: Vec<(String, String)> = (0..300).map(|i| ("entries[]".to_string(), (100_000 + i).to_string())).collect();
        values.push(("decision".into(), "reject".into()));
        let o = FormOutcome { path: "/api/review_entries".into(), ok: false, body: "\"Conflict\"".into(), values };
        let v = o.to_cookie_value();
        assert!(v.len() <= MAX_COOKIE_BYTES);
        let back = FormOutcome::from_cookie_value(&v).unwrap();
        let mut sent = o.values.clone();
        let mut got = back.values.clone();
        sent.sort();
        got.sort();
        assert_eq!(got, sent);
        // A value holding the separator is never split.
        let odd = FormOutcome { values: vec![("tags[]".into(), "a|b".into()), ("tags[]".into(), "c".into())], ..o };
        assert_eq!(FormOutcome::from_cookie_value(&odd.to_cookie_value()).unwrap().values, odd.values);
    }

    #[test]
    fn passwords_never_travel_back() {
        for f in ["password", "new_password", "confirm", "current", "new", "__csrf"] {
            assert!(!FormOutcome::keeps_field(f), "{f}");
        }
        for f in ["username", "reason", "entries[]"] {
            assert!(FormOutcome::keeps_field(f), "{f}");
        }
    }

    #[test]
    fn errors_decode_or_fall_back() {
        let o = FormOutcome { ok: false, body: "not json".into(), ..Default::default() };
        assert_eq!(o.result::<u32>(), Some(Err(too_long())));
        let o = FormOutcome { ok: true, body: "43".into(), ..Default::default() };
        assert_eq!(o.result::<u32>(), Some(Ok(43)));
    }
}
