//! The organisation, each school's people (staff, students placed in
//! classes year after year) and the accounts of every role.

use super::bulk::{insert, Ids};
use super::{current_start_year, Generated, Preset, Rng};
use crate::entities::{class, enrolment, org_unit, role_grant, school_year, semester, staff, student, unit_link, user};
use crate::names;
use crate::policy::UnitKind;
use chrono::{NaiveDate, Utc};
use nguon_shared::{AppError, Role};
use rand::Rng as _;
use sea_orm::{DatabaseTransaction, Set};

/// The units the schools hang from.
pub struct Tree {
    /// The province.
    pub province: i64,
    /// The province's political training centre (it runs the awareness classes).
    pub centre: i64,
    /// Each school.
    pub schools: Vec<School>,
}

/// One generated school and its own units.
pub struct School {
    /// The school's unit.
    pub id: i64,
    /// Its number in the province (1, 2, …), used in login names.
    pub number: usize,
    /// Its Party cell.
    pub cell: i64,
}

/// A school's generated people and years.
pub struct People {
    /// The union officers' accounts (the first logs, the second reviews).
    pub union_officers: [i64; 2],
    /// The Party cell officer's account.
    pub cell_officer: i64,
    /// The staff who are Party members (mentors, introducers).
    pub members: Vec<i64>,
    /// Each year: its id, first day, semester ends, and its classes.
    pub years: Vec<Year>,
    /// The day each union member among the students joined.
    pub union_since: std::collections::HashMap<i64, NaiveDate>,
}

/// A generated school year.
pub struct Year {
    /// Id.
    pub id: i64,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day of semester 1.
    pub first_semester_ends: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Its classes, each with its students.
    pub classes: Vec<(i64, Vec<i64>)>,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date")
}

fn unit(ids: &mut Ids, kind: UnitKind, name: String, parent: Option<i64>) -> org_unit::ActiveModel {
    org_unit::ActiveModel {
        id: Set(ids.next("org_units")),
        kind: Set(kind.code().into()),
        name: Set(name),
        code: Set(None),
        parent_id: Set(parent),
        valid_from: Set(None),
        valid_to: Set(None),
        created_at: Set(Utc::now()),
    }
}

fn account(ids: &mut Ids, login: String, full_name: String, hash: &str) -> user::ActiveModel {
    user::ActiveModel {
        id: Set(ids.next("users")),
        username: Set(login),
        full_name: Set(full_name),
        password_hash: Set(hash.to_string()),
        locale: Set("vi".into()),
        is_active: Set(true),
        created_at: Set(Utc::now()),
        password_changed_at: Set(Utc::now()),
    }
}

fn grant(ids: &mut Ids, user_id: i64, role: Role, unit: i64) -> role_grant::ActiveModel {
    role_grant::ActiveModel {
        id: Set(ids.next("role_grants")),
        user_id: Set(user_id),
        role: Set(role.code().into()),
        org_unit_id: Set(unit),
        granted_by: Set(None),
        granted_at: Set(Utc::now()),
        revoked_by: Set(None),
        revoked_at: Set(None),
    }
}

/// The province, its communes and wards with their Party committees, a
/// training centre, the schools with their cell and union and dated links,
/// and the administrator and superior officers' accounts.
pub async fn organisation(txn: &DatabaseTransaction, ids: &mut Ids, p: Preset, hash: &str, today: NaiveDate, out: &mut Generated) -> Result<Tree, AppError> {
    let mut units = Vec::new();
    let mut links = Vec::new();
    let mut users = Vec::new();
    let mut grants = Vec::new();
    let province = unit(ids, UnitKind::Province, "Tỉnh Lâm Đồng".into(), None);
    let province_id = *province.id.as_ref();
    units.push(province);
    let centre = unit(ids, UnitKind::TrainingCentre, "Trường Chính trị tỉnh".into(), Some(province_id));
    let centre_id = *centre.id.as_ref();
    units.push(centre);
    let admin = account(ids, "admin".into(), "Quản trị tỉnh".into(), hash);
    grants.push(grant(ids, *admin.id.as_ref(), Role::Administrator, province_id));
    users.push(admin);
    let mut committees = Vec::new();
    for c in 1..=p.communes.max(1) {
        let kind_name = if c % 3 == 0 { "Phường" } else { "Xã" };
        let commune = unit(ids, UnitKind::Commune, format!("{kind_name} số {c}"), Some(province_id));
        let commune_id = *commune.id.as_ref();
        units.push(commune);
        let committee = unit(ids, UnitKind::PartyCommittee, format!("Đảng ủy {} số {c}", kind_name.to_lowercase()), Some(commune_id));
        let committee_id = *committee.id.as_ref();
        units.push(committee);
        let officer = account(ids, format!("capuy.{c:03}"), format!("Cán bộ Đảng ủy số {c}"), hash);
        grants.push(grant(ids, *officer.id.as_ref(), Role::SuperiorOfficer, committee_id));
        users.push(officer);
        committees.push(committee_id);
    }
    let since = d(current_start_year(today) - 6, 7, 1);
    let mut schools = Vec::new();
    for n in 1..=p.schools {
        let committee = committees[(n - 1) % committees.len()];
        let school = unit(ids, UnitKind::School, format!("THPT số {n}"), Some(committee));
        let school_id = *school.id.as_ref();
        units.push(school);
        let cell = unit(ids, UnitKind::PartyCell, format!("Chi bộ THPT số {n}"), Some(school_id));
        let union = unit(ids, UnitKind::SchoolUnion, format!("Đoàn trường THPT số {n}"), Some(school_id));
        let (cell_id, union_id) = (*cell.id.as_ref(), *union.id.as_ref());
        units.push(cell);
        units.push(union);
        for (relation, target) in
            [("party_organisation", cell_id), ("youth_union", union_id), ("superior_committee", committee), ("deciding_committee", committee), ("training_centre", centre_id)]
        {
            links.push(unit_link::ActiveModel {
                id: Set(ids.next("unit_links")),
                unit_id: Set(school_id),
                relation: Set(relation.into()),
                target_unit_id: Set(target),
                valid_from: Set(since),
                valid_to: Set(None),
            });
        }
        schools.push(School { id: school_id, number: n, cell: cell_id });
    }
    out.schools = schools.len();
    out.accounts += users.len();
    insert(txn, units, 8).await?;
    insert(txn, links, 6).await?;
    insert(txn, users, 8).await?;
    insert(txn, grants, 8).await?;
    Ok(Tree { province: province_id, centre: centre_id, schools })
}

/// A school's staff (a third Party members of its cell), its accounts (two
/// union officers, a cell officer, a mentor linked to a Party member, an
/// administrator), its years with semesters and classes, and its students:
/// a new grade 10 each year, the others moving up a grade.
#[allow(clippy::too_many_arguments)]
pub async fn people(
    txn: &DatabaseTransaction,
    ids: &mut Ids,
    s: &School,
    p: Preset,
    _index: usize,
    hash: &str,
    today: NaiveDate,
    rng: &mut Rng,
    out: &mut Generated,
) -> Result<People, AppError> {
    let mut staff_rows = Vec::new();
    let mut first_member = None;
    for _ in 0..(p.classes_per_grade * 3 * 3 / 2).max(10) {
        let (name, _) = crate::demo::person(rng);
        let member = rng.random_bool(0.35);
        let id = ids.next("staff");
        if member && first_member.is_none() {
            first_member = Some((id, name.full()));
        }
        staff_rows.push(staff::ActiveModel {
            id: Set(id),
            school_id: Set(s.id),
            user_id: Set(None),
            search_key: Set(names::fold(&name.full())),
            family_name: Set(name.family),
            middle_name: Set(name.middle),
            given_name: Set(name.given),
            party_full_member_since: Set(member.then(|| d(rng.random_range(1995..2020), rng.random_range(1..=12), rng.random_range(1..=28)))),
            party_cell_unit_id: Set(member.then_some(s.cell)),
            created_at: Set(Utc::now()),
        });
    }
    let (mentor_staff, mentor_name) = first_member.unwrap_or((*staff_rows[0].id.as_ref(), "Người giúp đỡ".into()));
    let n = s.number;
    let mut users = Vec::new();
    let mut grants = Vec::new();
    let mut union_officers = [0; 2];
    let mut cell_officer = 0;
    let accounts: [(String, String, Role); 5] = [
        (format!("t{n:03}.doan"), format!("Bí thư Đoàn THPT số {n}"), Role::YouthUnionOfficer),
        (format!("t{n:03}.doan2"), format!("Phó Bí thư Đoàn THPT số {n}"), Role::YouthUnionOfficer),
        (format!("t{n:03}.chibo"), format!("Bí thư Chi bộ THPT số {n}"), Role::PartyCellOfficer),
        (format!("t{n:03}.huongdan"), mentor_name, Role::Mentor),
        (format!("t{n:03}.quantri"), format!("Quản trị THPT số {n}"), Role::Administrator),
    ];
    for (k, (login, full, role)) in accounts.into_iter().enumerate() {
        let u = account(ids, login, full, hash);
        let uid = *u.id.as_ref();
        if k < 2 {
            union_officers[k] = uid;
        }
        if role == Role::PartyCellOfficer {
            cell_officer = uid;
        }
        if role == Role::Mentor {
            if let Some(m) = staff_rows.iter_mut().find(|r| *r.id.as_ref() == mentor_staff) {
                m.user_id = Set(Some(uid));
            }
        }
        grants.push(grant(ids, uid, role, s.id));
        users.push(u);
    }
    out.accounts += users.len();
    out.staff += staff_rows.len();
    let mut members: Vec<i64> = staff_rows.iter().filter(|r| r.party_cell_unit_id.as_ref().is_some()).map(|r| *r.id.as_ref()).collect();
    if members.len() < 3 {
        members = staff_rows.iter().take(3).map(|r| *r.id.as_ref()).collect();
    }
    insert(txn, users, 8).await?;
    insert(txn, grants, 8).await?;
    insert(txn, staff_rows, 10).await?;

    // Years, oldest first; the last one contains today.
    let last_start = current_start_year(today);
    let first_start = last_start - p.years as i32 + 1;
    let mut years = Vec::new();
    let mut year_rows = Vec::new();
    let mut semesters = Vec::new();
    let mut classes = Vec::new();
    let mut students = Vec::new();
    let mut union_since = std::collections::HashMap::new();
    let mut enrolments = Vec::new();
    // The students of each class index of each grade, carried to the next year.
    let mut previous: Vec<Vec<i64>> = Vec::new();
    let mut code = 0;
    for y in first_start..=last_start {
        let (starts_on, sem1_ends, sem2_starts, ends_on) = (d(y, 9, 5), d(y + 1, 1, 10), d(y + 1, 1, 12), d(y + 1, 5, 31));
        let year_id = ids.next("school_years");
        year_rows.push(school_year::ActiveModel { id: Set(year_id), school_id: Set(s.id), name: Set(format!("{y}-{}", y + 1)), starts_on: Set(starts_on), ends_on: Set(ends_on) });
        for (number, from, to) in [(1i16, starts_on, sem1_ends), (2, sem2_starts, ends_on)] {
            semesters.push(semester::ActiveModel { id: Set(ids.next("semesters")), school_year_id: Set(year_id), number: Set(number), starts_on: Set(from), ends_on: Set(to) });
        }
        let mut this_year: Vec<Vec<i64>> = Vec::new();
        let mut year_classes = Vec::new();
        for (g, grade) in [10i16, 11, 12].into_iter().enumerate() {
            for c in 0..p.classes_per_grade {
                let class_id = ids.next("classes");
                classes.push(class::ActiveModel {
                    id: Set(class_id),
                    school_year_id: Set(year_id),
                    name: Set(format!("{grade}A{}", c + 1)),
                    grade: Set(grade),
                    homeroom_staff_id: Set(None),
                    branch_unit_id: Set(None),
                });
                // Grades 11 and 12 are last year's 10 and 11 of the same class; otherwise new students.
                let carried = (g > 0).then(|| previous.get((g - 1) * p.classes_per_grade + c).cloned()).flatten();
                let members = match carried {
                    Some(list) => list,
                    None => {
                        let born = y - i32::from(grade) + 10 - 15;
                        (0..rng.random_range(35..=45))
                            .map(|_| {
                                let (name, gender) = crate::demo::person(rng);
                                let id = ids.next("students");
                                code += 1;
                                let joined = rng.random_bool(0.75).then(|| d(born + 15, 3, 26));
                                if let Some(day) = joined {
                                    union_since.insert(id, day);
                                }
                                students.push(student::ActiveModel {
                                    id: Set(id),
                                    school_id: Set(s.id),
                                    student_code: Set(Some(format!("S{n:03}{code:06}"))),
                                    search_key: Set(names::fold(&name.full())),
                                    name_key: Set(Some(names::name_key(&name))),
                                    family_name: Set(name.family),
                                    middle_name: Set(name.middle),
                                    given_name: Set(name.given),
                                    date_of_birth: Set(d(born, rng.random_range(1..=12), rng.random_range(1..=28))),
                                    gender: Set(Some(gender.into())),
                                    ethnicity: Set(Some(if rng.random_bool(0.85) { "Kinh" } else { "Cơ Ho" }.into())),
                                    religion: Set(None),
                                    union_joined_on: Set(joined),
                                    hometown_commune: Set(None),
                                    hometown_province: Set(Some("Lâm Đồng".into())),
                                    residence_commune: Set(None),
                                    residence_province: Set(Some("Lâm Đồng".into())),
                                    guardian_name: Set(None),
                                    guardian_phone: Set(None),
                                    created_at: Set(Utc::now()),
                                    updated_at: Set(Utc::now()),
                                    anonymised_at: Set(None),
                                });
                                id
                            })
                            .collect()
                    }
                };
                for student_id in &members {
                    enrolments.push(enrolment::ActiveModel { id: Set(ids.next("enrolments")), student_id: Set(*student_id), class_id: Set(class_id), school_year_id: Set(year_id) });
                }
                year_classes.push((class_id, members.clone()));
                this_year.push(members);
            }
        }
        previous = this_year;
        years.push(Year { id: year_id, starts_on, first_semester_ends: sem1_ends, ends_on, classes: year_classes });
    }
    out.students += students.len();
    insert(txn, year_rows, 5).await?;
    insert(txn, semesters, 5).await?;
    insert(txn, classes, 6).await?;
    insert(txn, students, 23).await?;
    insert(txn, enrolments, 4).await?;
    Ok(People { union_officers, cell_officer, members, years, union_since })
}
