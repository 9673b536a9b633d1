//! The candidate pipeline's pages: the board of a school's candidates by
//! stage (with the union's proposals waiting for the cell, and their
//! consents), and a candidacy's page where every move is checked and
//! explained before and after it is tried.

use super::ledger::param;
use crate::api::{
    board_view, candidacy_view as candidacy_page_view, AddDossierItem, AddIntroducer, AssignMentor,
    DecideProposal, MoveCandidacy, WriteAssessment, RecordCertificate, RecordConsent, ReturnBiography, UpdateDossierItem, WithdrawConsent,
};
use crate::components::form::{date_input, form_error, school_filter, text_input, ErrorBanner, SuccessLine};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use nguon_shared::pipeline::{
    CandidacyView, CandidateCard, ConsentView, MemberOption, ProposalView, RiskFlag, Stage, CONSENT_METHODS, DOCUMENT_KINDS, ITEM_STATUSES, VERIFICATION_PLACES,
    VERIFICATION_SUBJECTS,
};
use nguon_shared::views::pipeline::{BoardView, CandidacyPageView};
use nguon_shared::views::{CurrentUserView, SchoolChoice};

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;
/// The forms of the board page.
#[derive(Clone, Copy)]
struct BoardActions {
    consent: ServerAction<RecordConsent>,
    decide: ServerAction<DecideProposal>,
    mv: ServerAction<MoveCandidacy>,
}

impl BoardActions {
    /// Grows each time one of the forms is sent: the board reloads, and the task count with it.
    fn version(&self) -> usize {
        self.consent.version().get() + self.decide.version().get() + self.mv.version().get()
    }
}

/// `/pipeline`: the board.
#[component]
pub fn PipelinePage() -> impl IntoView {
    let school_p = param("school");
    let acts = BoardActions { consent: form_action(), decide: form_action(), mv: form_action() };
    let data: Res<BoardView> = Resource::new(move || (school_p(), acts.version()), |(school, _)| board_view(school));
    view! { <WithUser render=move |page, user| board_page(page, user, data, acts)/> }
}

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
    let params = use_params_map();
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
        move || (params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0)), acts.version()),
        |(id, _)| candidacy_page_view(id),
    );
    view! { <WithUser render=move |page, user| candidacy_view(page, user, data, acts)/> }
}

/// A risk flag's sentence.
fn risk_text(m: &'static Messages, r: &RiskFlag) -> String {
    match r {
        RiskFlag::AgeAfterSchool { eligible_from } => fill(m.risk_age_after_school, &[("date", &format::date(*eligible_from))]),
        RiskFlag::CertificateLapsing { valid_until } => fill(m.risk_certificate, &[("date", &format::date(*valid_until))]),
        RiskFlag::CeremonyOverdue { due } => fill(m.risk_ceremony_overdue, &[("date", &format::date(*due))]),
        RiskFlag::DecisionOverdue { due } => fill(m.risk_decision_overdue, &[("date", &format::date(*due))]),
        RiskFlag::NoMentor => m.chk_no_mentor.to_string(),
        RiskFlag::BiographyRewritten { times } => fill(m.risk_biography, &[("n", &times.to_string())]),
        RiskFlag::NoAssessment { days } => fill(m.mt.risk_no_assessment, &[("n", &days.to_string())]),
        RiskFlag::GraduatesOnProbation { school_ends } => fill(m.mt.risk_graduates, &[("date", &format::date(*school_ends))]),
        RiskFlag::CertificateBeforeVote { valid_until, earliest_vote } => {
            fill(m.mt.risk_certificate_before_vote, &[("date", &format::date(*valid_until)), ("vote", &format::date(*earliest_vote))])
        }
    }
}

fn card_view(m: &'static Messages, c: &CandidateCard, mv: Option<ServerAction<MoveCandidacy>>) -> AnyView {
    let quick = mv.zip(c.quick_move).map(|(mv, to)| {
        let id = c.id.to_string();
        view! {
            // The same move as on the candidacy page, dated today; a refusal shows above the board.
            <ActionForm action=mv attr:class="quick-move">
                <input type="hidden" name="candidacy" value=id/>
                <input type="hidden" name="to" value=to.code()/>
                <input type="hidden" name="on" value=format::date(format::today())/>
                <input type="hidden" name="back" value="board"/>
                {["reason", "override_reason", "members", "present", "for_votes", "against", "abstain", "decision_number", "decided_on", "superior_agreement"]
                    .map(|n| view! { <input type="hidden" name=n value=""/> })
                    .collect_view()}
                <button type="submit" class="secondary small">{fill(m.mt.quick_move, &[("stage", m.stage_label(to))])}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="card candidate" class:at-risk=!c.risks.is_empty()>
            <a href=format!("/pipeline/{}", c.id)><strong>{c.name.clone()}</strong></a>
            " "<span class="muted">{c.class_name.clone()}</span>
            <br/><small class="muted">{fill(m.days_in_stage, &[("n", &c.days_in_stage.to_string())])}</small>
            {c.mentor.clone().map(|n| view! { <br/><small>{fill(m.mentor_is, &[("name", &n)])}</small> })}
            {(!c.risks.is_empty()).then(|| view! {
                <ul class="risks">{c.risks.iter().map(|r| view! { <li>{risk_text(m, r)}</li> }).collect_view()}</ul>
            })}
            {quick}
        </li>
    }
    .into_any()
}

fn consent_list(m: &'static Messages, list: &[ConsentView]) -> AnyView {
    if list.is_empty() {
        return view! { <p class="muted">{m.no_consent_yet}</p> }.into_any();
    }
    view! {
        <ul class="consents">
            {list.iter().map(|c| {
                let who = if c.subject == "guardian" { format!("{} ({})", c.person_name, c.relation.clone().unwrap_or_default()) } else { c.person_name.clone() };
                let line = fill(m.consent_line, &[("who", &who), ("date", &format::date(c.given_on)), ("method", &m.consent_method(&c.method))]);
                view! {
                    <li class:withdrawn=c.withdrawn_on.is_some()>
                        {line}
                        {c.withdrawn_on.map(|d| view! { " — "<strong>{fill(m.consent_withdrawn_on, &[("date", &format::date(d))])}</strong> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn proposal_view(m: &'static Messages, p: ProposalView, acts: BoardActions) -> AnyView {
    let sid = p.student_id.to_string();
    view! {
        <li class="card proposal" id=format!("proposal-{}", p.id)>
            <a href=format!("/students/{}", p.student_id)><strong>{p.name.clone()}</strong></a>
            " "<span class="muted">{format::date(p.date_of_birth)}</span>
            <p>{p.reason.clone()}</p>
            <h3>{m.consents_title}</h3>
            {consent_list(m, &p.consents)}
            <details>
                <summary>{m.record_consent}</summary>
                <ActionForm action=acts.consent attr:class="consent-form">
                    <input type="hidden" name="student" value=sid/>
                    <div class="field-row">
                        <div class="field">
                            <label for=format!("cs-{}", p.id)>{m.consent_subject}</label>
                            <select id=format!("cs-{}", p.id) name="subject">
                                <option value="student">{m.consent_student}</option>
                                <option value="guardian">{m.consent_guardian}</option>
                            </select>
                        </div>
                        {text_input(format!("cn-{}", p.id), "person_name", m.consent_person)}
                        {text_input(format!("cr-{}", p.id), "relation", m.consent_relation)}
                    </div>
                    <div class="field-row">
                        {date_input(format!("cd-{}", p.id), "given_on", m.consent_given_on, format::date(format::today()))}
                        <div class="field">
                            <label for=format!("cm-{}", p.id)>{m.consent_how}</label>
                            <select id=format!("cm-{}", p.id) name="method">
                                {CONSENT_METHODS.map(|k| view! { <option value=k>{m.consent_method(k)}</option> }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <div class="field">
                        <label for=format!("cp-{}", p.id)>{m.consent_scope}</label>
                        <input id=format!("cp-{}", p.id) name="scope" type="text" value=m.consent_scope_default/>
                    </div>
                    <button type="submit" class="secondary">{m.record_consent}</button>
                </ActionForm>
            </details>
            <ActionForm action=acts.decide attr:class="decide-form">
                <input type="hidden" name="proposal" value=p.id.to_string()/>
                <div class="field-row">
                    <div class="field">
                        <label for=format!("dd-{}", p.id)>{m.decision}</label>
                        <select id=format!("dd-{}", p.id) name="decision">
                            <option value="accept">{m.accept_into_pool}</option>
                            <option value="decline">{m.decline}</option>
                        </select>
                    </div>
                    {date_input(format!("do-{}", p.id), "on", m.meeting_on, format::date(format::today()))}
                </div>
                {text_input(format!("dr-{}", p.id), "reason", m.reason)}
                <button type="submit">{m.record_decision}</button>
            </ActionForm>
        </li>
    }
    .into_any()
}

fn board_page(page: PageCtx, _user: CurrentUserView, data: Res<BoardView>, acts: BoardActions) -> AnyView {
    let m = page.m;
    let errors = [form_error(acts.consent.value()), form_error(acts.decide.value()), form_error(acts.mv.value())];
    view! {
        <h1>{m.nav_pipeline}</h1>
        {errors.into_iter().map(|e| view! { <ErrorBanner m=m error=e/> }).collect_view()}
        {move || acts.decide.value().get().and_then(|r| r.ok()).map(|id| view! {
            <SuccessLine id="decided">{if id.is_some() { m.accepted_into_pool } else { m.declined_done }}</SuccessLine>
        })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(BoardView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(BoardView { choice: SchoolChoice { schools, school: Some(school) }, cards, proposals }) => {
                    let mv = proposals.is_some().then_some(acts.mv);
                    let proposals = proposals.unwrap_or_default();
                    let columns: Vec<(Stage, Vec<CandidateCard>)> = Stage::ALL
                        .into_iter()
                        .filter(|s| !s.is_exit())
                        .map(|s| (s, cards.iter().filter(|c| c.stage == s).cloned().collect()))
                        .collect();
                    let ended: Vec<CandidateCard> = cards.iter().filter(|c| c.stage.is_exit()).cloned().collect();
                    let at_risk = cards.iter().filter(|c| !c.risks.is_empty() && !c.stage.is_final()).count();
                    view! {
                        {super::mentoring::pipeline_links(m, Some(school))}
                        {school_filter(m, &schools, school)}
                        <p id="board-summary">{fill(m.board_summary, &[("n", &cards.iter().filter(|c| !c.stage.is_final()).count().to_string()), ("r", &at_risk.to_string())])}</p>
                        {(!proposals.is_empty()).then(|| view! {
                            <section>
                                <h2>{fill(m.proposals_waiting, &[("n", &proposals.len().to_string())])}</h2>
                                <ul class="proposals" id="proposals">
                                    {proposals.into_iter().map(|p| proposal_view(m, p, acts)).collect_view()}
                                </ul>
                            </section>
                        })}
                        <div class="kanban" id="board">
                            {columns.into_iter().map(|(stage, list)| view! {
                                <section class="column" data-stage=stage.code()>
                                    <h2>{m.stage_label(stage)}" "<span class="count">{list.len()}</span></h2>
                                    <ul>{list.iter().map(|c| card_view(m, c, mv)).collect_view()}</ul>
                                </section>
                            }).collect_view()}
                        </div>
                        {(!ended.is_empty()).then(|| view! {
                            <details class="card">
                                <summary>{fill(m.ended_candidacies, &[("n", &ended.len().to_string())])}</summary>
                                <ul>{ended.iter().map(|c| view! {
                                    <li><a href=format!("/pipeline/{}", c.id)>{c.name.clone()}</a>" — "{m.stage_label(c.stage)}</li>
                                }).collect_view()}</ul>
                            </details>
                        })}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

fn member_select(m: &'static Messages, id: String, members: &[MemberOption]) -> AnyView {
    view! {
        <div class="field">
            <label for=id.clone()>{m.party_member}</label>
            <select id=id name="staff">
                {members.iter().map(|p| view! { <option value=p.id.to_string()>{format!("{} ({})", p.name, format::date(p.since))}</option> }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

fn move_form(m: &'static Messages, v: &CandidacyView, mv: ServerAction<MoveCandidacy>) -> AnyView {
    let next = v.next.clone();
    let next_checks = v.next_checks.clone();
    let cid = v.card.id;
    // Only the fields the possible moves need.
    let votes = next.iter().any(|s| matches!(s, Stage::CellVote | Stage::CommitteeReview));
    let decides = next.contains(&Stage::Decision);
    let ceremony = next.iter().any(|s| matches!(s, Stage::Ceremony | Stage::Probation));
    let error = form_error(mv.value());
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
                <input type="hidden" name="candidacy" value=cid.to_string()/>
                <div class="field-row">
                    <div class="field">
                        <label for="mv-to">{m.move_to}</label>
                        <select id="mv-to" name="to">
                            {next.into_iter().map(|s| view! { <option value=s.code()>{m.stage_label(s)}</option> }).collect_view()}
                        </select>
                    </div>
                    {date_input("mv-on", "on", m.move_on, format::date(format::today()))}
                </div>
                {votes.then(|| view! { <fieldset>
                    <legend>{m.vote_legend}</legend>
                    <div class="field-row numbers">
                        {[("members", m.vote_members), ("present", m.vote_present), ("for_votes", m.vote_for), ("against", m.vote_against), ("abstain", m.vote_abstain)].map(|(name, label)| view! {
                            <div class="field">
                                <label for=format!("mv-{name}")>{label}</label>
                                <input id=format!("mv-{name}") name=name type="text" inputmode="numeric"/>
                            </div>
                        }).collect_view()}
                    </div>
                </fieldset> })}
                {(!votes).then(|| view! {
                    {["members", "present", "for_votes", "against", "abstain"].map(|n| view! { <input type="hidden" name=n value=""/> }).collect_view()}
                })}
                {if decides {
                    view! { <fieldset>
                        <legend>{m.decision_legend}</legend>
                        <div class="field-row">
                            {text_input("mv-number", "decision_number", m.decision_number)}
                            {date_input("mv-decided", "decided_on", m.decided_on, String::new())}
                        </div>
                    </fieldset> }.into_any()
                } else {
                    view! { <input type="hidden" name="decision_number" value=""/><input type="hidden" name="decided_on" value=""/> }.into_any()
                }}
                {if ceremony {
                    text_input("mv-agreement", "superior_agreement", m.superior_agreement)
                } else {
                    view! { <input type="hidden" name="superior_agreement" value=""/> }.into_any()
                }}
                {text_input("mv-reason", "reason", m.reason)}
                <div class="field">
                    <label for="mv-override">{m.override_reason}</label>
                    <input id="mv-override" name="override_reason" type="text"/>
                    <small class="hint">{m.override_hint}</small>
                </div>
                // The refusal's reasons next to the button that was pressed.
                <ErrorBanner m=m error=error/>
                <button type="submit" disabled=move || mv.pending().get()>{m.move_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn candidacy_view(page: PageCtx, _user: CurrentUserView, data: Res<CandidacyPageView>, acts: CandidacyActions) -> AnyView {
    let m = page.m;
    // The move form shows its own refusal next to its button.
    let errors = [
        form_error(acts.certificate.value()),
        form_error(acts.mentor.value()),
        form_error(acts.introducer.value()),
        form_error(acts.item.value()),
        form_error(acts.update.value()),
        form_error(acts.biography.value()),
        form_error(acts.withdraw.value()),
    ];
    view! {
        <p><a href="/pipeline">{m.nav_pipeline}</a></p>
        {errors.into_iter().map(|e| view! { <ErrorBanner m=m error=e/> }).collect_view()}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(CandidacyPageView { candidacy: v, members }) => {
                    let id = v.card.id;
                    let manage = members.is_some();
                    let members = StoredValue::new(members.unwrap_or_default());
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
                        {super::mentoring::mentoring_section(m, &v, acts.assess)}
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
                        <section class="card">
                            <h2>{m.certificate_title}</h2>
                            {match v.certificate.clone() {
                                Some((n, d)) => view! { <p id="certificate">{fill(m.certificate_line, &[("n", &n), ("date", &format::date(d))])}</p> }.into_any(),
                                None => view! { <p class="muted">{m.chk_no_certificate}</p> }.into_any(),
                            }}
                            {manage.then(|| view! {
                                <ActionForm action=acts.certificate attr:id="certificate-form">
                                    <input type="hidden" name="candidacy" value=id.to_string()/>
                                    <div class="field-row">
                                        {text_input("ct-number", "number", m.certificate_number)}
                                        {date_input("ct-issued", "issued_on", m.issued_on, String::new())}
                                    </div>
                                    {text_input("ct-issuer", "issuer", m.issuer)}
                                    <button type="submit" class="secondary">{m.save}</button>
                                </ActionForm>
                            })}
                        </section>
                        <section class="card">
                            <h2>{m.mentors_title}</h2>
                            <ul id="mentors">{v.mentors.iter().map(|(n, from, to, repl)| view! {
                                <li>{n.clone()}" "{format!("{} – {}", format::date(*from), to.map(format::date).unwrap_or_default())}{repl.then_some(m.replacement_mark)}</li>
                            }).collect_view()}</ul>
                            {manage.then(|| view! {
                                <ActionForm action=acts.mentor attr:id="mentor-form">
                                    <input type="hidden" name="candidacy" value=id.to_string()/>
                                    <div class="field-row">
                                        {members.with_value(|ms| member_select(m, "mt-staff".into(), ms))}
                                        {date_input("mt-from", "from", m.valid_from, format::date(format::today()))}
                                    </div>
                                    {text_input("mt-reason", "reason", m.replacement_reason)}
                                    <button type="submit" class="secondary">{m.assign_mentor}</button>
                                </ActionForm>
                            })}
                            <h3>{m.introducers_title}</h3>
                            <ul id="introducers">{v.introducers.iter().map(|(n, since, repl)| view! {
                                <li>{n.clone()}" "{fill(m.together_since_line, &[("date", &format::date(*since))])}{repl.then_some(m.replacement_mark)}</li>
                            }).collect_view()}</ul>
                            {manage.then(|| view! {
                                <ActionForm action=acts.introducer attr:id="introducer-form">
                                    <input type="hidden" name="candidacy" value=id.to_string()/>
                                    <div class="field-row">
                                        {members.with_value(|ms| member_select(m, "in-staff".into(), ms))}
                                        {date_input("in-since", "together_since", m.together_since, String::new())}
                                    </div>
                                    <div class="field checkbox">
                                        <input id="in-repl" name="replacement" type="checkbox" value="on"/>
                                        <label for="in-repl">{m.replacement_introducer}</label>
                                    </div>
                                    <button type="submit" class="secondary">{m.add_introducer}</button>
                                </ActionForm>
                            })}
                        </section>
                        <section class="card">
                            <h2>{m.dossier_title}</h2>
                            <p class="muted">{m.dossier_hint}</p>
                            <div class="table-wrap"><table id="dossier">
                                <thead><tr>
                                    <th scope="col">{m.document}</th>
                                    <th scope="col">{m.status}</th>
                                    <th scope="col">{m.dates}</th>
                                    <th scope="col">{m.holder}</th>
                                    {manage.then(|| view! { <th scope="col">{m.update_item}</th> })}
                                </tr></thead>
                                <tbody>{v.dossier.clone().into_iter().map(|i| {
                                    let what = match (&i.subject, &i.place) {
                                        (Some(s), Some(p)) => format!("{} — {}, {}", m.document_kind(&i.kind), m.verification_subject(s), m.verification_place(p)),
                                        _ => m.document_kind(&i.kind),
                                    };
                                    let dates = [
                                        i.requested_on.map(|d| fill(m.requested_on_line, &[("date", &format::date(d))])),
                                        i.received_on.map(|d| fill(m.received_on_line, &[("date", &format::date(d))])),
                                        i.valid_until.map(|d| fill(m.valid_until_line, &[("date", &format::date(d))])),
                                    ].into_iter().flatten().collect::<Vec<_>>().join("; ");
                                    view! {
                                        <tr>
                                            <td>{what}</td>
                                            <td>{m.item_status(&i.status)}</td>
                                            <td>{dates}</td>
                                            <td>{i.holder.clone()}</td>
                                            {manage.then(move || view! {
                                                <td>
                                                    <ActionForm action=acts.update attr:class="row-form item-update">
                                                        <input type="hidden" name="item" value=i.id.to_string()/>
                                                        <select name="status" aria-label=m.status>
                                                            {ITEM_STATUSES.map(|k| view! { <option value=k selected=k == i.status>{m.item_status(k)}</option> }).collect_view()}
                                                        </select>
                                                        <input name="received_on" type="text" inputmode="numeric" placeholder="dd/mm/yyyy" aria-label=m.received_on value=i.received_on.map(format::date).unwrap_or_default()/>
                                                        <input name="valid_until" type="hidden" value=i.valid_until.map(format::date).unwrap_or_default()/>
                                                        <input name="holder" type="hidden" value=i.holder.clone().unwrap_or_default()/>
                                                        <button type="submit" class="secondary">{m.save}</button>
                                                    </ActionForm>
                                                </td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}</tbody>
                            </table></div>
                            {manage.then(|| view! {
                                <details>
                                    <summary>{m.add_item}</summary>
                                    <ActionForm action=acts.item attr:id="item-form">
                                        <input type="hidden" name="candidacy" value=id.to_string()/>
                                        <div class="field-row">
                                            <div class="field">
                                                <label for="it-kind">{m.document}</label>
                                                <select id="it-kind" name="kind">
                                                    {DOCUMENT_KINDS.map(|k| view! { <option value=k>{m.document_kind(k)}</option> }).collect_view()}
                                                </select>
                                            </div>
                                            <div class="field">
                                                <label for="it-status">{m.status}</label>
                                                <select id="it-status" name="status">
                                                    {ITEM_STATUSES.map(|k| view! { <option value=k>{m.item_status(k)}</option> }).collect_view()}
                                                </select>
                                            </div>
                                        </div>
                                        <div class="field-row">
                                            <div class="field">
                                                <label for="it-subject">{m.verification_of}</label>
                                                <select id="it-subject" name="subject">
                                                    <option value="">"—"</option>
                                                    {VERIFICATION_SUBJECTS.map(|k| view! { <option value=k>{m.verification_subject(k)}</option> }).collect_view()}
                                                </select>
                                            </div>
                                            <div class="field">
                                                <label for="it-place">{m.verification_at}</label>
                                                <select id="it-place" name="place">
                                                    <option value="">"—"</option>
                                                    {VERIFICATION_PLACES.map(|k| view! { <option value=k>{m.verification_place(k)}</option> }).collect_view()}
                                                </select>
                                            </div>
                                        </div>
                                        <div class="field-row">
                                            {date_input("it-req", "requested_on", m.requested_on, String::new())}
                                            {date_input("it-rec", "received_on", m.received_on, String::new())}
                                            {date_input("it-until", "valid_until", m.valid_to, String::new())}
                                        </div>
                                        {text_input("it-holder", "holder", m.holder)}
                                        <button type="submit" class="secondary">{m.add_item}</button>
                                    </ActionForm>
                                </details>
                            })}
                            <h3>{fill(m.biography_returns_title, &[("n", &v.biography_returns.len().to_string())])}</h3>
                            <ul id="biography-returns">{v.biography_returns.iter().map(|(d, r)| view! { <li>{format::date(*d)}": "{r.clone()}</li> }).collect_view()}</ul>
                            {manage.then(|| view! {
                                <ActionForm action=acts.biography attr:id="biography-form" attr:class="row-form">
                                    <input type="hidden" name="candidacy" value=id.to_string()/>
                                    <label class="visually-hidden" for="bi-on">{m.returned_on}</label>
                                    <input id="bi-on" name="on" type="text" inputmode="numeric" value=format::date(format::today())/>
                                    <label class="visually-hidden" for="bi-reason">{m.reason}</label>
                                    <input id="bi-reason" name="reason" type="text" placeholder=m.reason/>
                                    <button type="submit" class="secondary">{m.return_biography}</button>
                                </ActionForm>
                            })}
                        </section>
                        <section class="card">
                            <h2>{m.consents_title}</h2>
                            {consent_list(m, &v.consents)}
                            {(manage && v.consents.iter().any(|c| c.withdrawn_on.is_none())).then(|| view! {
                                <ActionForm action=acts.withdraw attr:id="withdraw-form">
                                    <div class="field-row">
                                        <div class="field">
                                            <label for="wd-consent">{m.consents_title}</label>
                                            <select id="wd-consent" name="consent">
                                                {v.consents.iter().filter(|c| c.withdrawn_on.is_none()).map(|c| view! { <option value=c.id.to_string()>{c.person_name.clone()}</option> }).collect_view()}
                                            </select>
                                        </div>
                                        {date_input("wd-on", "on", m.withdrawn_on, format::date(format::today()))}
                                    </div>
                                    {text_input("wd-reason", "reason", m.reason)}
                                    <button type="submit" class="secondary">{m.withdraw_consent}</button>
                                </ActionForm>
                            })}
                        </section>
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}
