//! Roster import: upload a class list, check the column mapping and the
//! preview row by row, then import. Every step works without JavaScript;
//! with it, the upload shows a progress bar (the `UploadForm` island).

use crate::api::{encode_mapping, import_view, roster_preview, ImportRoster};
use crate::components::form::{form_error, ErrorBanner, SuccessLine};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::islands::UploadForm;
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use nguon_shared::roster::{ImportCounts, ImportField, ImportPreview, PreviewRow, RowAction};
use nguon_shared::views::organisation::ImportView;
use nguon_shared::views::CurrentUserView;

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// Upload form and the user's recent imports.
#[component]
pub fn ImportPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| import_view());
    view! { <WithUser render=move |page, user| import_page(page, user, data)/> }
}

/// Mapping, preview and result of one upload.
#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let (import, preview) = preview_data();
    view! { <WithUser render=move |page, user| preview_page(page, user, import, preview)/> }
}

fn counts_text(m: &'static Messages, template: &str, c: &ImportCounts) -> String {
    fill(
        template,
        &[
            ("created", &c.created.to_string()),
            ("updated", &c.updated.to_string()),
            ("unchanged", &c.unchanged.to_string()),
            ("skipped", &c.skipped.to_string()),
            ("classes", &c.classes_created.to_string()),
        ],
    )
    .replace("{none}", m.none)
}

fn import_page(page: PageCtx, _user: CurrentUserView, data: Res<ImportView>) -> AnyView {
    let m = page.m;
    let error = form_error(Signal::derive(|| None::<Result<(), nguon_shared::AppError>>));
    view! {
        <h1>{m.import_title}</h1>
        <section class="card">
            <p class="muted">{m.import_intro}</p>
            <ErrorBanner m=m error=error/>
            <UploadForm action="/upload/roster".to_string() id="upload-form".to_string()
                uploading=m.uploading.to_string() button=m.upload_button.to_string()>
                <Transition fallback=move || view! { <p>{m.loading}</p> }>
                    {move || data.get().map(|r| match r.map(|v| v.years) {
                        Ok(list) if !list.is_empty() => view! {
                            <div class="field">
                                <label for="f-year">{m.school_year}</label>
                                <select id="f-year" name="school_year">
                                    {list.into_iter().map(|y| view! {
                                        <option value=y.id.to_string()>{format!("{} — {}", y.school_name, y.name)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }.into_any(),
                        Ok(_) => view! { <p class="alert" role="status">{m.no_years}" "<a href="/admin/years">{m.nav_years}</a></p> }.into_any(),
                        Err(e) => crate::components::form::load_error(m, &e),
                    })}
                </Transition>
                <div class="field">
                    <label for="f-file">{m.file_label}</label>
                    <input id="f-file" name="file" type="file" required
                        accept=".xlsx,.xlsm,.xls,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"/>
                    <small class="hint">{m.file_hint}</small>
                    <div class="field-errors">
                        {move || error.get().map(|e| e.field_errors("file").map(|c| view! { <p class="field-error">{m.field_error(c)}</p> }).collect_view())}
                    </div>
                </div>
            </UploadForm>
        </section>
        <section class="card">
            <h2>{m.recent_uploads}</h2>
            <Transition fallback=move || view! { <p>{m.loading}</p> }>
                {move || data.get().map(|r| match r.map(|v| v.uploads) {
                    Ok(list) if list.is_empty() => view! { <p class="muted">{m.none}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="plain">
                            {list.into_iter().map(|u| view! {
                                <li>
                                    <a href=format!("/admin/import/{}", u.id)>{u.file_name}</a>
                                    " · "{u.school_name}" · "{format::date_time(u.uploaded_at)}" · "
                                    {match u.done {
                                        Some(c) => counts_text(m, m.import_done_short, &c),
                                        None => m.not_imported_yet.to_string(),
                                    }}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => crate::components::form::load_error(m, &e),
                })}
            </Transition>
        </section>
    }
    .into_any()
}

fn preview_data() -> (ServerAction<ImportRoster>, Res<ImportPreview>) {
    let query = use_query_map();
    let upload = crate::pages::id_param();
    // A mapping chosen on this page arrives as c0, c1, … in the query; none means "as guessed".
    let chosen = move || {
        query.with(|q| {
            let sheet = q.get("sheet").unwrap_or_default();
            let columns: Vec<String> = (0..200).map_while(|i| q.get(&format!("c{i}"))).collect();
            let mapping = if columns.is_empty() {
                String::new()
            } else {
                columns.iter().map(|c| if c.is_empty() { "-" } else { c.as_str() }).collect::<Vec<_>>().join(",")
            };
            // A different sheet has different columns: guess again.
            let same_sheet = q.get("mapped_sheet").is_none_or(|s| s == sheet);
            (sheet, if same_sheet { mapping } else { String::new() })
        })
    };
    let import = form_action::<ImportRoster>();
    let preview = Resource::new(
        move || (upload(), chosen(), import.version().get()),
        |(id, (sheet, mapping), _)| roster_preview(id, sheet, mapping),
    );
    (import, preview)
}

fn preview_page(page: PageCtx, _user: CurrentUserView, import: ServerAction<ImportRoster>, preview: Res<ImportPreview>) -> AnyView {
    let m = page.m;
    let import_error = form_error(import.value());
    view! {
        <h1>{m.import_title}</h1>
        <p><a href="/admin/import">{m.back_to_uploads}</a></p>
        <ErrorBanner m=m error=import_error/>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || preview.get().map(|r| match r {
                Ok(p) => preview_view(m, p, import),
                Err(e) => crate::components::form::load_error(m, &e),
            })}
        </Transition>
    }
    .into_any()
}

fn preview_view(m: &'static Messages, p: ImportPreview, import: ServerAction<ImportRoster>) -> AnyView {
    let facts = view! {
        <p class="muted" id="import-facts">
            {m.file_label}": "<strong>{p.file_name.clone()}</strong>" · "{m.school}": "{p.school_name.clone()}
            " · "{m.school_year}": "{p.school_year_name.clone()}
        </p>
    };
    if let Some(done) = &p.done {
        let done = counts_text(m, m.import_done, done);
        return view! {
            {facts}
            <SuccessLine id="import-done">{done}</SuccessLine>
            <p><a href="/students">{m.view_students}</a></p>
        }
        .into_any();
    }
    let mapping_ok = p.mapping_errors.is_empty();
    let importable = p.counts.created + p.counts.updated;
    let encoded = encode_mapping(&p.mapping);
    let errors: Vec<&PreviewRow> = p.rows.iter().filter(|r| !r.errors.is_empty()).collect();
    view! {
        {facts}
        <form method="get" action="" class="card" id="mapping-form">
            <h2>{m.mapping_title}</h2>
            {(p.sheets.len() > 1).then(|| view! {
                <div class="field">
                    <label for="f-sheet">{m.sheet}</label>
                    <select id="f-sheet" name="sheet">
                        {p.sheets.iter().enumerate().map(|(i, s)| view! {
                            <option value=i.to_string() selected=i == p.sheet>{s.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <input type="hidden" name="mapped_sheet" value=p.sheet.to_string()/>
            <p class="muted">{fill(m.header_row, &[("n", &p.header_line.to_string())])}</p>
            <div class="mapping-grid">
                {p.headers.iter().enumerate().map(|(i, h)| {
                    let current = p.mapping.get(i).copied().flatten();
                    let id = format!("f-c{i}");
                    view! {
                        <div class="field">
                            <label for=id.clone()>{if h.is_empty() { format!("#{}", i + 1) } else { h.clone() }}</label>
                            <select id=id name=format!("c{i}")>
                                <option value="" selected=current.is_none()>{m.ignore_column}</option>
                                {ImportField::ALL.into_iter().map(|f| view! {
                                    <option value=f.code() selected=current == Some(f)>{m.import_field(f)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
            <button type="submit" class="secondary">{m.apply_mapping}</button>
        </form>
        {(!mapping_ok).then(|| view! {
            <div class="alert error" role="alert" id="mapping-errors">
                <p>{m.mapping_problem}</p>
                <ul>{p.mapping_errors.iter().map(|e| view! {
                    <li>{field_label(m, &e.field)}": "{m.field_error(&e.code)}</li>
                }).collect_view()}</ul>
            </div>
        })}
        <section class="card">
            <h2>{m.preview_title}</h2>
            <p id="import-counts">{counts_text(m, m.import_plan, &p.counts)}</p>
            {(!p.new_classes.is_empty()).then(|| view! {
                <p class="muted">{fill(m.new_classes, &[("list", &p.new_classes.join(", "))])}</p>
            })}
            <ActionForm action=import attr:id="import-form">
                <input type="hidden" name="upload" value=p.upload_id.to_string()/>
                <input type="hidden" name="sheet" value=p.sheet.to_string()/>
                <input type="hidden" name="mapping" value=encoded/>
                <button type="submit" disabled=!mapping_ok || importable == 0 || import.pending().get()>
                    {fill(m.import_button, &[("n", &importable.to_string())])}
                </button>
            </ActionForm>
        </section>
        {(!errors.is_empty()).then(|| view! {
            <section class="card">
                <h2>{fill(m.error_rows, &[("n", &errors.len().to_string())])}</h2>
                {rows_table(m, &errors, "error-rows")}
            </section>
        })}
        <section class="card">
            <h2>{m.all_rows}</h2>
            {rows_table(m, &p.rows.iter().collect::<Vec<_>>(), "preview-rows")}
        </section>
    }
    .into_any()
}

fn field_label(m: &'static Messages, code: &str) -> &'static str {
    ImportField::from_code(code).map(|f| m.import_field(f)).unwrap_or(m.mapping_title)
}

fn rows_table(m: &'static Messages, rows: &[&PreviewRow], id: &'static str) -> AnyView {
    view! {
        <div class="table-wrap">
            <table id=id>
                <thead><tr>
                    <th scope="col">{m.col_line}</th>
                    <th scope="col">{m.full_name}</th>
                    <th scope="col">{m.col_dob}</th>
                    <th scope="col">{m.col_class}</th>
                    <th scope="col">{m.col_code}</th>
                    <th scope="col">{m.col_result}</th>
                </tr></thead>
                <tbody>
                    {rows.iter().map(|r| {
                        let name = [r.family_name.as_str(), r.middle_name.as_str(), r.given_name.as_str()]
                            .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
                        let (class, label) = match r.action {
                            RowAction::Create => ("badge new", m.action_create),
                            RowAction::Update => ("badge changed", m.action_update),
                            RowAction::Unchanged => ("badge same", m.action_unchanged),
                            RowAction::Skip => ("badge skip", m.action_skip),
                        };
                        view! {
                            <tr>
                                <td>{r.line}</td>
                                <td>{name}</td>
                                <td>{r.date_of_birth.map(format::date).unwrap_or_default()}</td>
                                <td>{r.class_name.clone()}</td>
                                <td>{r.student_code.clone().unwrap_or_default()}</td>
                                <td>
                                    <span class=class>{label}</span>
                                    {r.errors.iter().map(|e| view! {
                                        <div class="field-error">{field_label(m, &e.field)}": "{m.field_error(&e.code)}</div>
                                    }).collect_view()}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
