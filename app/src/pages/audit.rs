//! The audit log browser: who did what, when, with the change recorded.

use crate::api::audit_log;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::audit::{ACTIONS, ENTITIES};
use crate::i18n::{fill, Messages};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::CurrentUserView;

/// The audit log page.
#[component]
pub fn AuditPage() -> impl IntoView {
    // In the component body, not in the render function that may run twice (see `WithUser`).
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let entries = Resource::new(
        move || (param("from"), param("to"), param("actor"), param("action"), param("entity"), param("before")),
        |(from, to, actor, action, entity, before)| audit_log(from, to, actor, action, entity, before),
    );
    view! { <WithUser render=move |page, user| audit_page(page, user, entries)/> }
}

fn audit_page(page: PageCtx, _user: CurrentUserView, entries: Resource<Result<nguon_shared::views::AuditPage, nguon_shared::AppError>>) -> AnyView {
    let m = page.m;
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let text_field = move |name: &'static str, label: &'static str, placeholder: &'static str| {
        let id = format!("f-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=name type="text" value=param(name) placeholder=placeholder autocomplete="off"/>
            </div>
        }
    };
    view! {
        <h1>{m.audit_title}</h1>
        {crate::components::form::export_link(m, "audit")}
        <Form method="GET" action="" attr:class="card filters" attr:id="audit-filters">
            <div class="field-row">
                {text_field("from", m.from_date, "dd/mm/yyyy")}
                {text_field("to", m.to_date, "dd/mm/yyyy")}
            </div>
            <div class="field-row">
                {text_field("actor", m.username, "")}
                {code_select("action", m.audit_action, m.au.any_action, &ACTIONS, &param("action"), |c| m.au.action(c))}
            </div>
            {code_select("entity", m.audit_entity, m.au.any_entity, &ENTITIES, &param("entity"), |c| m.au.entity(c))}
            <button type="submit">{m.filter_button}</button>
        </Form>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || entries.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(p) if p.rows.is_empty() => view! { <p class="muted">{m.none}</p> }.into_any(),
                Ok(p) => {
                    let next = p.next_before.map(|id| {
                        let mut q: Vec<String> = ["from", "to", "actor", "action", "entity"].iter()
                            .map(|k| (k, param(k))).filter(|(_, v)| !v.is_empty())
                            .map(|(k, v)| format!("{k}={}", v.replace('&', "%26").replace(' ', "+"))).collect();
                        q.push(format!("before={id}"));
                        format!("?{}", q.join("&"))
                    });
                    view! {
                        <div class="table-wrap">
                            <table id="audit-table">
                                <thead><tr>
                                    <th scope="col">{m.audit_when}</th>
                                    <th scope="col">{m.username}</th>
                                    <th scope="col">{m.audit_action}</th>
                                    <th scope="col">{m.audit_entity}</th>
                                    <th scope="col">{m.audit_change}</th>
                                </tr></thead>
                                <tbody>
                                    {p.rows.into_iter().map(|r| view! {
                                        <tr>
                                            <td>{format::date_time(r.occurred_at)}<br/><small class="muted">{r.client_addr.unwrap_or_default()}</small></td>
                                            <td>{r.actor.unwrap_or_else(|| "—".into())}</td>
                                            <td class="audit-action">{m.au.action(&r.action)}</td>
                                            <td>{m.au.entity(&r.entity)}{r.entity_id.map(|id| view! { <br/><small class="muted">{fill(m.au.record, &[("id", &id)])}</small> })}</td>
                                            <td>
                                                {(r.before.is_some() || r.after.is_some()).then(|| view! {
                                                    <details>
                                                        <summary>{m.audit_details}</summary>
                                                        {r.before.map(|b| view! { <p class="muted">{m.audit_before}</p>{details(m, &b)} })}
                                                        {r.after.map(|a| view! { <p class="muted">{m.audit_after}</p>{details(m, &a)} })}
                                                    </details>
                                                })}
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        {next.map(|href| view! { <p><a href=href id="audit-older">{m.older_entries}</a></p> })}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// A filter choosing one stored code, each shown in words.
fn code_select(name: &'static str, label: &'static str, any: &'static str, codes: &[&'static str], chosen: &str, words: impl Fn(&str) -> String) -> AnyView {
    let id = format!("f-{name}");
    let options: Vec<(&'static str, String)> = codes.iter().map(|c| (*c, words(c))).collect();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="">{any}</option>
                {options.into_iter().map(|(code, text)| view! { <option value=code selected=chosen == code>{text}</option> }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// A change recorded as JSON, as a list of fields in words: a value is
/// shown as text, a list joined, yes/no for flags; anything else as stored.
fn details(m: &'static Messages, json: &str) -> AnyView {
    let Ok(serde_json::Value::Object(fields)) = serde_json::from_str::<serde_json::Value>(json) else {
        return view! { <pre>{json.to_string()}</pre> }.into_any();
    };
    let shown = |v: &serde_json::Value| -> String {
        match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Bool(b) => if *b { m.au.yes } else { m.au.no }.to_string(),
            serde_json::Value::Null => "—".to_string(),
            serde_json::Value::Array(items) => items.iter().map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string)).collect::<Vec<_>>().join(", "),
            other => other.to_string(),
        }
    };
    view! {
        <dl class="audit-details">
            {fields.iter().map(|(k, v)| view! { <dt>{m.au.key(k)}</dt><dd>{shown(v)}</dd> }).collect_view()}
        </dl>
    }
    .into_any()
}
