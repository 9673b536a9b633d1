//! `/pipeline`: the board of a school's candidates by stage, with the
//! union's proposals waiting for the cell and their consents.

use super::{consent_list, risk_text, Res};
use crate::api::{board_view, DecideProposal, MoveCandidacy, RecordConsent};
use crate::components::form::{school_filter, SuccessLine};
use crate::components::inputs::{choices, FormInputs};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use crate::pages::ledger::param;
use leptos::prelude::*;
use nguon_shared::pipeline::{CandidateCard, ProposalView, Stage, CONSENT_METHODS};
use nguon_shared::views::pipeline::BoardView;
use nguon_shared::views::{CurrentUserView, SchoolChoice};

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


fn card_view(m: &'static Messages, c: &CandidateCard, mv: Option<ServerAction<MoveCandidacy>>) -> AnyView {
    let quick = mv.zip(c.quick_move).map(|(mv, to)| {
        let id = c.id.to_string();
        // The same move as on the candidacy page, dated today; a refusal shows on the card.
        let fi = FormInputs::new::<MoveCandidacy>(m, format!("qm-{id}"), Some(("candidacy", id.clone()))).about(c.name.clone(), format!("/pipeline/{id}"));
        view! {
            {fi.summary()}
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


/// A proposal waiting for the cell: its consents, a form to record one, and the decision.
fn proposal_view(m: &'static Messages, p: ProposalView, acts: BoardActions) -> AnyView {
    let (pid, sid) = (p.id.to_string(), p.student_id.to_string());
    let consent = FormInputs::new::<RecordConsent>(m, format!("consent-{pid}"), Some(("student", sid.clone())));
    let subjects = vec![("student".to_string(), m.consent_student.to_string()), ("guardian".to_string(), m.consent_guardian.to_string())];
    let methods = choices(&CONSENT_METHODS, |k| m.consent_method(k));
    let consent_fields = view! {
        <div class="field-row">
            {consent.select("subject", m.consent_subject, subjects, None)}
            {consent.text("person_name", m.consent_person, String::new())}
            {consent.text("relation", m.consent_relation, String::new())}
        </div>
        <div class="field-row">
            {consent.date("given_on", m.consent_given_on, format::date(format::today()))}
            {consent.select("method", m.consent_how, methods, None)}
        </div>
        {consent.text("scope", m.consent_scope, m.consent_scope_default.to_string())}
    };
    let decide = FormInputs::new::<DecideProposal>(m, format!("decide-{pid}"), Some(("proposal", pid.clone()))).quiet();
    let decisions = vec![("accept".to_string(), m.accept_into_pool.to_string()), ("decline".to_string(), m.decline.to_string())];
    let decide_fields = view! {
        <div class="field-row">
            {decide.select("decision", m.decision, decisions, None)}
            {decide.date("on", m.meeting_on, format::date(format::today()))}
        </div>
        {decide.text("reason", m.reason, String::new())}
    };
    let (consent_id, consent_open, consent_summary) = (consent.id(), consent.refused(), consent.summary());
    let (decide_id, decide_summary) = (decide.id(), decide.summary());
    let li_id = format!("proposal-{pid}");
    view! {
        <li class="card proposal" id=li_id>
            <a href=format!("/students/{}", p.student_id)><strong>{p.name.clone()}</strong></a>
            " "<span class="muted">{format::date(p.date_of_birth)}</span>
            <p>{p.reason.clone()}</p>
            <h3>{m.consents_title}</h3>
            {consent_list(m, &p.consents)}
            <details open=consent_open>
                <summary>{m.record_consent}</summary>
                <ActionForm action=acts.consent attr:class="consent-form" attr:id=consent_id>
                    {consent_summary}
                    <input type="hidden" name="student" value=sid/>
                    {consent_fields}
                    <button type="submit" class="secondary">{m.record_consent}</button>
                </ActionForm>
            </details>
            <ActionForm action=acts.decide attr:class="decide-form" attr:id=decide_id>
                {decide_summary}
                <input type="hidden" name="proposal" value=pid/>
                {decide_fields}
                <button type="submit">{m.record_decision}</button>
            </ActionForm>
        </li>
    }
    .into_any()
}

fn board_page(page: PageCtx, _user: CurrentUserView, data: Res<BoardView>, acts: BoardActions) -> AnyView {
    let m = page.m;
    // Each refused form shows its own error summary, on its proposal or card.
    view! {
        <h1>{m.nav_pipeline}</h1>
        {crate::components::form::export_link(m, "board")}
        {move || acts.decide.value().get().and_then(|r| r.ok()).map(|id| view! {
            <SuccessLine id="decided">{if id.is_some() { m.accepted_into_pool } else { m.declined_done }}</SuccessLine>
        })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(BoardView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(BoardView { choice: SchoolChoice { schools, school: Some(school) }, cards, proposals }) => {
                    let mv = proposals.is_some().then_some(acts.mv);
                    let proposals = proposals.unwrap_or_default();
                    let all_columns: Vec<(Stage, Vec<CandidateCard>)> = Stage::ALL
                        .into_iter()
                        .filter(|s| !s.is_exit())
                        .map(|s| (s, cards.iter().filter(|c| c.stage == s).cloned().collect()))
                        .collect();
                    // Only stages with someone in them take a column, so the board fits a
                    // desktop; the empty ones are named in one line.
                    let empty: Vec<&'static str> = all_columns.iter().filter(|(_, l)| l.is_empty()).map(|(s, _)| m.stage_label(*s)).collect();
                    let columns: Vec<(Stage, Vec<CandidateCard>)> = all_columns.into_iter().filter(|(_, l)| !l.is_empty()).collect();
                    let wide = columns.len() > 4;
                    let ended: Vec<CandidateCard> = cards.iter().filter(|c| c.stage.is_exit()).cloned().collect();
                    let at_risk = cards.iter().filter(|c| !c.risks.is_empty() && !c.stage.is_final()).count();
                    view! {
                        {crate::pages::mentoring::pipeline_links(m, &page.info.nav, Some(school))}
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
                        {(!empty.is_empty()).then(|| view! { <p class="muted" id="empty-stages">{fill(m.empty_stages, &[("stages", &empty.join(", "))])}</p> })}
                        {wide.then(|| view! { <p class="muted scroll-hint" id="board-scrolls">{m.board_scrolls}</p> })}
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

