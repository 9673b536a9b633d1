//! `/pipeline/:id`: one candidacy, where every move is checked and
//! explained before and after it is tried, and what the cell records.
//! Every form here shows its own refusal at its top, each field marked.

use super::{consent_list, risk_text, Res};
use crate::api::{
    candidacy_view as candidacy_page_view, AddDossierItem, AddIntroducer, AssignMentor, MoveCandidacy, RecordCertificate, ReturnBiography,
    UpdateDossierItem, WithdrawConsent, WriteAssessment,
};
use crate::components::inputs::{choices, FormInputs};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use leptos::prelude::*;
use nguon_shared::pipeline::{CandidacyView, DossierItemView, MemberOption, Stage, DOCUMENT_KINDS, ITEM_STATUSES, VERIFICATION_PLACES, VERIFICATION_SUBJECTS};
use nguon_shared::views::pipeline::CandidacyPageView;
use nguon_shared::views::CurrentUserView;

/// The forms of a candidacy's page.
#[derive(Clone, Copy)]
struct CandidacyActions {
    mv: ServerAction<MoveCandidacy>,
    certificate: ServerAction<RecordCertificate>,
    mentor: ServerAction<AssignMentor>,
    introducer: ServerAction<AddIntroducer>,
    item: ServerAction<AddDossierItem>,
    update: ServerAction<UpdateDossierItem>,
    biography: ServerAction<ReturnBiography>,
    withdraw: ServerAction<WithdrawConsent>,
    assess: ServerAction<WriteAssessment>,
}

impl CandidacyActions {
    /// Grows each time one of the forms is sent: the page reloads, and the task count with it.
    fn version(&self) -> usize {
        self.mv.version().get()
            + self.certificate.version().get()
            + self.mentor.version().get()
            + self.introducer.version().get()
            + self.item.version().get()
            + self.update.version().get()
            + self.biography.version().get()
            + self.withdraw.version().get()
            + self.assess.version().get()
    }
}

/// `/pipeline/:id`: one candidacy.
#[component]
pub fn CandidacyPage() -> impl IntoView {
    let id = crate::pages::id_param();
    let acts = CandidacyActions {
        mv: form_action(),
        certificate: form_action(),
        mentor: form_action(),
        introducer: form_action(),
        item: form_action(),
        update: form_action(),
        biography: form_action(),
        withdraw: form_action(),
        assess: form_action(),
    };
    let data: Res<CandidacyPageView> = Resource::new(
        move || (id(), acts.version()),
        |(id, _)| candidacy_page_view(id),
    );
    view! { <WithUser render=move |page, user| candidacy_view(page, user, data, acts)/> }
}


/// The school's Party members as `(id, "name (member since)")` choices.
fn member_options(members: &[MemberOption]) -> Vec<(String, String)> {
    members.iter().map(|p| (p.id.to_string(), format!("{} ({})", p.name, format::date(p.since)))).collect()
}

/// The move to the next stage: the checks explained before it is tried, only
/// the fields the possible moves need, and the refusal's reasons at the form's top.
fn move_form(m: &'static Messages, v: &CandidacyView, mv: ServerAction<MoveCandidacy>) -> AnyView {
    let next = v.next.clone();
    let next_checks = v.next_checks.clone();
    let cid = v.card.id;
    let votes = next.iter().any(|s| matches!(s, Stage::CellVote | Stage::CommitteeReview));
    let decides = next.contains(&Stage::Decision);
    let ceremony = next.iter().any(|s| matches!(s, Stage::Ceremony | Stage::Probation));
    let fi = FormInputs::new::<MoveCandidacy>(m, "mv", None);
    let stages: Vec<(String, String)> = next.iter().map(|s| (s.code().to_string(), m.stage_label(*s).to_string())).collect();
    let fields = view! {
        <div class="field-row">
            {fi.select("to", m.move_to, stages, None)}
            {fi.date("on", m.move_on, format::date(format::today()))}
        </div>
        {votes.then(|| view! { <fieldset>
            <legend>{m.vote_legend}</legend>
            <div class="field-row numbers">
                {fi.number("members", m.vote_members, String::new())}
                {fi.number("present", m.vote_present, String::new())}
                {fi.number("for_votes", m.vote_for, String::new())}
                {fi.number("against", m.vote_against, String::new())}
                {fi.number("abstain", m.vote_abstain, String::new())}
            </div>
        </fieldset> })}
        {(!votes).then(|| view! {
            {["members", "present", "for_votes", "against", "abstain"].map(|n| view! { <input type="hidden" name=n value=""/> }).collect_view()}
        })}
        {if decides {
            view! { <fieldset>
                <legend>{m.decision_legend}</legend>
                <div class="field-row">
                    {fi.text("decision_number", m.decision_number, String::new())}
                    {fi.date("decided_on", m.decided_on, String::new())}
                </div>
            </fieldset> }.into_any()
        } else {
            view! { <input type="hidden" name="decision_number" value=""/><input type="hidden" name="decided_on" value=""/> }.into_any()
        }}
        {if ceremony {
            fi.text("superior_agreement", m.superior_agreement, String::new())
        } else {
            view! { <input type="hidden" name="superior_agreement" value=""/> }.into_any()
        }}
        {fi.text("reason", m.reason, String::new())}
        {fi.text("override_reason", m.override_reason, String::new())}
        <small class="hint">{m.override_hint}</small>
        // Asked after the first answer listed the checks being overridden.
        {fi.confirm("confirm_override", m.confirm_override, false)}
    };
    view! {
        <section class="card" id="move">
            <h2>{m.move_title}</h2>
            {if next_checks.is_empty() {
                view! { <p class="ok-note" id="next-ok">{m.next_step_ok}</p> }.into_any()
            } else {
                view! {
                    <div id="next-checks">
                        <p>{m.next_step_blocked}</p>
                        <ul class="checks">{next_checks.iter().map(|f| view! { <li>{m.check_text(f)}</li> }).collect_view()}</ul>
                    </div>
                }.into_any()
            }}
            <ActionForm action=mv attr:id="move-form">
                {fi.summary()}
                <input type="hidden" name="candidacy" value=cid.to_string()/>
                {fields}
                <button type="submit">{m.move_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The certificate of the awareness class, and the form to record it.
fn certificate_section(m: &'static Messages, v: &CandidacyView, manage: bool, action: ServerAction<RecordCertificate>) -> AnyView {
    let id = v.card.id;
    let form = manage.then(|| {
        let fi = FormInputs::new::<RecordCertificate>(m, "ct", None);
        let fields = view! {
            <div class="field-row">
                {fi.text("number", m.certificate_number, String::new())}
                {fi.date("issued_on", m.issued_on, String::new())}
            </div>
            {fi.text("issuer", m.issuer, String::new())}
        };
        view! {
            <ActionForm action=action attr:id="certificate-form">
                {fi.summary()}
                <input type="hidden" name="candidacy" value=id.to_string()/>
                {fields}
                <button type="submit" class="secondary">{m.save}</button>
            </ActionForm>
        }
    });
    view! {
        <section class="card" id="sec-certificate">
            <h2>{m.certificate_title}</h2>
            {match v.certificate.clone() {
                Some((n, d)) => view! { <p id="certificate">{fill(m.certificate_line, &[("n", &n), ("date", &format::date(d))])}</p> }.into_any(),
                None => view! { <p class="muted">{m.chk_no_certificate}</p> }.into_any(),
            }}
            {form}
        </section>
    }
    .into_any()
}

/// Mentors and introducers, with the forms to assign and add them.
fn people_section(m: &'static Messages, v: &CandidacyView, members: Option<&[MemberOption]>, acts: CandidacyActions) -> AnyView {
    let id = v.card.id;
    let mentor_form = members.map(|ms| {
        let fi = FormInputs::new::<AssignMentor>(m, "mt", None);
        let fields = view! {
            <div class="field-row">
                {fi.select("staff", m.party_member, member_options(ms), None)}
                {fi.date("from", m.valid_from, format::date(format::today()))}
            </div>
            {fi.text("reason", m.replacement_reason, String::new())}
        };
        view! {
            <ActionForm action=acts.mentor attr:id="mentor-form">
                {fi.summary()}
                <input type="hidden" name="candidacy" value=id.to_string()/>
                {fields}
                <button type="submit" class="secondary">{m.assign_mentor}</button>
            </ActionForm>
        }
    });
    let introducer_form = members.map(|ms| {
        let fi = FormInputs::new::<AddIntroducer>(m, "in", None);
        let fields = view! {
            <div class="field-row">
                {fi.select("staff", m.party_member, member_options(ms), None)}
                {fi.date("together_since", m.together_since, String::new())}
            </div>
            {fi.checkbox("replacement", m.replacement_introducer, false)}
        };
        view! {
            <ActionForm action=acts.introducer attr:id="introducer-form">
                {fi.summary()}
                <input type="hidden" name="candidacy" value=id.to_string()/>
                {fields}
                <button type="submit" class="secondary">{m.add_introducer}</button>
            </ActionForm>
        }
    });
    view! {
        <section class="card" id="sec-people">
            <h2>{m.mentors_title}</h2>
            <ul id="mentors">{v.mentors.iter().map(|(n, from, to, repl)| view! {
                <li>{n.clone()}" "{format!("{} – {}", format::date(*from), to.map(format::date).unwrap_or_default())}{repl.then_some(m.replacement_mark)}</li>
            }).collect_view()}</ul>
            {mentor_form}
            <h3>{m.introducers_title}</h3>
            <ul id="introducers">{v.introducers.iter().map(|(n, since, repl)| view! {
                <li>{n.clone()}" "{fill(m.together_since_line, &[("date", &format::date(*since))])}{repl.then_some(m.replacement_mark)}</li>
            }).collect_view()}</ul>
            {introducer_form}
        </section>
    }
    .into_any()
}

/// One dossier line, with its update form for whoever manages the pipeline.
fn dossier_row(m: &'static Messages, i: DossierItemView, manage: bool, update: ServerAction<UpdateDossierItem>) -> AnyView {
    let what = match (&i.subject, &i.place) {
        (Some(s), Some(p)) => format!("{} — {}, {}", m.document_kind(&i.kind), m.verification_subject(s), m.verification_place(p)),
        _ => m.document_kind(&i.kind),
    };
    let dates = [
        i.requested_on.map(|d| fill(m.requested_on_line, &[("date", &format::date(d))])),
        i.received_on.map(|d| fill(m.received_on_line, &[("date", &format::date(d))])),
        i.valid_until.map(|d| fill(m.valid_until_line, &[("date", &format::date(d))])),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ");
    let form = manage.then(|| {
        let iid = i.id.to_string();
        let holder = i.holder.clone().unwrap_or_default();
        let fi = FormInputs::new::<UpdateDossierItem>(m, format!("upd-{iid}"), Some(("item", iid.clone())));
        let fields = view! {
            {fi.select("status", m.status, choices(&ITEM_STATUSES, |k| m.item_status(k)), Some(i.status.clone()))}
            {fi.date("received_on", m.received_on, i.received_on.map(format::date).unwrap_or_default())}
        };
        view! {
            <td>
                {fi.summary()}
                <ActionForm action=update attr:class="row-form item-update">
                    <input type="hidden" name="item" value=iid/>
                    {fields}
                    <input name="valid_until" type="hidden" value=i.valid_until.map(format::date).unwrap_or_default()/>
                    <input name="holder" type="hidden" value=holder/>
                    <button type="submit" class="secondary">{m.save}</button>
                </ActionForm>
            </td>
        }
    });
    view! {
        <tr>
            <td>{what}</td>
            <td>{m.item_status(&i.status)}</td>
            <td>{dates}</td>
            <td>{i.holder.clone()}</td>
            {form}
        </tr>
    }
    .into_any()
}

/// The dossier's documents (status and dates only, never their content) and the biography's returns.
fn dossier_section(m: &'static Messages, v: &CandidacyView, manage: bool, acts: CandidacyActions) -> AnyView {
    let id = v.card.id;
    let add_form = manage.then(|| {
        let fi = FormInputs::new::<AddDossierItem>(m, "it", None);
        let empty = || vec![(String::new(), "—".to_string())];
        let subjects: Vec<(String, String)> = empty().into_iter().chain(choices(&VERIFICATION_SUBJECTS, |k| m.verification_subject(k))).collect();
        let places: Vec<(String, String)> = empty().into_iter().chain(choices(&VERIFICATION_PLACES, |k| m.verification_place(k))).collect();
        let fields = view! {
            <div class="field-row">
                {fi.select("kind", m.document, choices(&DOCUMENT_KINDS, |k| m.document_kind(k)), None)}
                {fi.select("status", m.status, choices(&ITEM_STATUSES, |k| m.item_status(k)), None)}
            </div>
            <div class="field-row">
                {fi.select("subject", m.verification_of, subjects, None)}
                {fi.select("place", m.verification_at, places, None)}
            </div>
            <div class="field-row">
                {fi.date("requested_on", m.requested_on, String::new())}
                {fi.date("received_on", m.received_on, String::new())}
                {fi.date("valid_until", m.valid_to, String::new())}
            </div>
            {fi.text("holder", m.holder, String::new())}
        };
        let (open, summary) = (fi.refused(), fi.summary());
        view! {
            <details open=open>
                <summary>{m.add_item}</summary>
                <ActionForm action=acts.item attr:id="item-form">
                    {summary}
                    <input type="hidden" name="candidacy" value=id.to_string()/>
                    {fields}
                    <button type="submit" class="secondary">{m.add_item}</button>
                </ActionForm>
            </details>
        }
    });
    // The documents the next step still needs, by name (from the checks of the next move).
    let missing: Vec<String> = v
        .next_checks
        .iter()
        .filter_map(|f| match f {
            nguon_shared::pipeline::CheckFailure::DocumentMissing { kind } => Some(m.document_kind(kind)),
            _ => None,
        })
        .collect();
    let biography_form = manage.then(|| {
        let fi = FormInputs::new::<ReturnBiography>(m, "bi", None);
        let fields = view! {
            {fi.date("on", m.returned_on, format::date(format::today()))}
            {fi.text("reason", m.reason, String::new())}
        };
        view! {
            <ActionForm action=acts.biography attr:id="biography-form">
                {fi.summary()}
                <input type="hidden" name="candidacy" value=id.to_string()/>
                <div class="field-row">{fields}</div>
                <button type="submit" class="secondary">{m.return_biography}</button>
            </ActionForm>
        }
    });
    view! {
        <section class="card" id="sec-dossier">
            <h2>{m.dossier_title}</h2>
            <p class="muted">{m.dossier_hint}</p>
            {(!missing.is_empty()).then(|| view! { <p class="alert" id="dossier-missing">{fill(m.dossier_missing, &[("docs", &missing.join(", "))])}</p> })}
            <div class="table-wrap"><table id="dossier">
                <thead><tr>
                    <th scope="col">{m.document}</th>
                    <th scope="col">{m.status}</th>
                    <th scope="col">{m.dates}</th>
                    <th scope="col">{m.holder}</th>
                    {manage.then(|| view! { <th scope="col">{m.update_item}</th> })}
                </tr></thead>
                <tbody>{v.dossier.clone().into_iter().map(|i| dossier_row(m, i, manage, acts.update)).collect_view()}</tbody>
            </table></div>
            {add_form}
            <h3>{fill(m.biography_returns_title, &[("n", &v.biography_returns.len().to_string())])}</h3>
            <ul id="biography-returns">{v.biography_returns.iter().map(|(d, r)| view! { <li>{format::date(*d)}": "{r.clone()}</li> }).collect_view()}</ul>
            {biography_form}
        </section>
    }
    .into_any()
}

/// The consents on record, and the form to record a withdrawal.
fn consents_section(m: &'static Messages, v: &CandidacyView, manage: bool, withdraw: ServerAction<WithdrawConsent>) -> AnyView {
    let open: Vec<(String, String)> = v.consents.iter().filter(|c| c.withdrawn_on.is_none()).map(|c| (c.id.to_string(), c.person_name.clone())).collect();
    let form = (manage && !open.is_empty()).then(|| {
        let fi = FormInputs::new::<WithdrawConsent>(m, "wd", None);
        let fields = view! {
            <div class="field-row">
                {fi.select("consent", m.consents_title, open, None)}
                {fi.date("on", m.withdrawn_on, String::new())}
            </div>
            {fi.text("reason", m.reason, String::new())}
            {fi.confirm("confirm", m.confirm_withdraw, true)}
        };
        // Folded: recording a withdrawal ends an open candidacy, so it is never one tap away.
        let open_again = fi.refused();
        view! {
            <details class="danger-zone" open=open_again>
                <summary>{m.withdraw_consent}</summary>
                <ActionForm action=withdraw attr:id="withdraw-form">
                    {fi.summary()}
                    {fields}
                    <button type="submit" class="secondary danger">{m.withdraw_consent}</button>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="card" id="sec-consents">
            <h2>{m.consents_title}</h2>
            {consent_list(m, &v.consents)}
            {form}
        </section>
    }
    .into_any()
}

fn candidacy_view(page: PageCtx, _user: CurrentUserView, data: Res<CandidacyPageView>, acts: CandidacyActions) -> AnyView {
    let m = page.m;
    view! {
        <p><a href="/pipeline">{m.nav_pipeline}</a></p>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                // No heading of its own to show: the refusal is the page.
                Err(e) => view! { <h1>{m.error(&e)}</h1>{crate::components::form::load_error(m, &e)} }.into_any(),
                Ok(CandidacyPageView { candidacy: v, members }) => {
                    let manage = members.is_some();
                    view! {
                        <h1 id="candidate-name">{v.card.name.clone()}</h1>
                        <p>
                            <span class="badge" id="candidate-stage">{m.stage_label(v.card.stage)}</span>
                            " "{fill(m.days_in_stage, &[("n", &v.card.days_in_stage.to_string())])}
                            " · "<a href=format!("/students/{}", v.card.student_id)>{m.student_profile}</a>
                        </p>
                        {(!v.card.risks.is_empty()).then(|| view! {
                            <ul class="risks" id="risks">{v.card.risks.iter().map(|r| view! { <li>{risk_text(m, r)}</li> }).collect_view()}</ul>
                        })}
                        {(manage && !v.next.is_empty()).then(|| move_form(m, &v, acts.mv))}
                        {crate::pages::mentoring::mentoring_section(m, &v, acts.assess)}
                        <section class="card">
                            <h2>{m.history_title}</h2>
                            <ol class="timeline" id="history">
                                {v.events.iter().rev().map(|e| view! {
                                    <li>
                                        <time>{format::date(e.on)}</time>" "
                                        {m.stage_label(e.to)}
                                        {e.reason.clone().map(|r| format!(" — {r}"))}
                                        <small class="muted">{format!(" ({})", e.recorded_by)}</small>
                                        {(!e.overridden.is_empty()).then(|| view! {
                                            <div class="overridden">{m.overridden_label}<ul>{e.overridden.iter().map(|f| view! { <li>{m.check_text(f)}</li> }).collect_view()}</ul></div>
                                        })}
                                    </li>
                                }).collect_view()}
                            </ol>
                        </section>
                        {certificate_section(m, &v, manage, acts.certificate)}
                        {people_section(m, &v, members.as_deref(), acts)}
                        {dossier_section(m, &v, manage, acts)}
                        {consents_section(m, &v, manage, acts.withdraw)}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}
