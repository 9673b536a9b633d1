//! Pure rules of the emulation ledger: how many points an activity gives,
//! and how students rank, with ties made explicit.

use nguon_shared::ErrorCode;

/// How an activity turns into points (each school edits these as data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PointsRule {
    /// The same points for everyone who takes part.
    Fixed(i32),
    /// Points by achievement level (prize at school / district / province /
    /// national level, first / second / third …): `(level id, points)`.
    ByLevel(Vec<(i64, i32)>),
    /// Points taken away (discipline): stored positive, applied negative.
    Deduction(i32),
}

impl PointsRule {
    /// Stored code of the rule's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            PointsRule::Fixed(_) => "fixed",
            PointsRule::ByLevel(_) => "by_level",
            PointsRule::Deduction(_) => "deduction",
        }
    }

    /// The signed points of one entry. A levelled rule needs one of its
    /// levels; the others refuse a level.
    pub fn points_for(&self, level: Option<i64>) -> Result<i32, ErrorCode> {
        match (self, level) {
            (PointsRule::Fixed(p), None) => Ok(*p),
            (PointsRule::Deduction(p), None) => Ok(-p.abs()),
            (PointsRule::ByLevel(levels), Some(l)) => {
                levels.iter().find(|(id, _)| *id == l).map(|(_, p)| *p).ok_or(ErrorCode::InvalidValue)
            }
            (PointsRule::ByLevel(_), None) => Err(ErrorCode::Required),
            (_, Some(_)) => Err(ErrorCode::InvalidValue),
        }
    }
}

/// A place in a ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked<K> {
    /// Who (a student or a class).
    pub key: K,
    /// Their points.
    pub points: i64,
    /// Competition rank: equal points share a rank and the next rank skips
    /// ("1, 2, 2, 4").
    pub rank: u32,
    /// Whether someone else has the same rank.
    pub tied: bool,
}

/// Ranks by points, highest first. Equal points share a rank ("1, 2, 2, 4");
/// within a tie the order of `items` is kept (callers pass class-list order),
/// so the display is stable.
pub fn rank<K: Clone>(items: &[(K, i64)]) -> Vec<Ranked<K>> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|a, b| items[*b].1.cmp(&items[*a].1).then(a.cmp(b)));
    let mut out: Vec<Ranked<K>> = Vec::with_capacity(items.len());
    for (position, i) in order.iter().enumerate() {
        let points = items[*i].1;
        let rank = match out.last() {
            Some(prev) if prev.points == points => prev.rank,
            _ => position as u32 + 1,
        };
        out.push(Ranked { key: items[*i].0.clone(), points, rank, tied: false });
    }
    for i in 0..out.len() {
        let tied = (i > 0 && out[i - 1].rank == out[i].rank) || (i + 1 < out.len() && out[i + 1].rank == out[i].rank);
        out[i].tied = tied;
    }
    out
}

/// Pure rule: the share of a ranking a rank falls in, as "top N %": rank 3
/// of 200 is in the top 1.5 %.
pub fn top_percent(rank: u32, of: u32) -> f64 {
    if of == 0 {
        return 100.0;
    }
    f64::from(rank) * 100.0 / f64::from(of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_by_rule() {
        assert_eq!(PointsRule::Fixed(5).points_for(None), Ok(5));
        assert_eq!(PointsRule::Fixed(5).points_for(Some(1)), Err(ErrorCode::InvalidValue));
        assert_eq!(PointsRule::Deduction(10).points_for(None), Ok(-10));
        assert_eq!(PointsRule::Deduction(-10).points_for(None), Ok(-10), "a deduction is never a bonus");
        let prizes = PointsRule::ByLevel(vec![(1, 5), (2, 10), (3, 20), (4, 40)]);
        assert_eq!(prizes.points_for(Some(3)), Ok(20));
        assert_eq!(prizes.points_for(Some(9)), Err(ErrorCode::InvalidValue));
        assert_eq!(prizes.points_for(None), Err(ErrorCode::Required));
    }

    #[test]
    fn ties_share_a_rank_and_the_next_skips() {
        let r = rank(&[("An", 30), ("Bình", 50), ("Chi", 30), ("Dũng", 10), ("Hà", 50), ("Khánh", 30)]);
        let got: Vec<(&str, u32, bool)> = r.iter().map(|x| (x.key, x.rank, x.tied)).collect();
        assert_eq!(
            got,
            vec![("Bình", 1, true), ("Hà", 1, true), ("An", 3, true), ("Chi", 3, true), ("Khánh", 3, true), ("Dũng", 6, false)]
        );
        assert!(rank::<i64>(&[]).is_empty());
        let alone = rank(&[(7, 0)]);
        assert_eq!((alone[0].rank, alone[0].tied), (1, false));
        // Negative totals (deductions) rank below zero.
        let r = rank(&[(1, -5), (2, 0)]);
        assert_eq!(r.iter().map(|x| x.key).collect::<Vec<_>>(), vec![2, 1]);
    }

    #[test]
    fn top_percent_of_a_ranking() {
        assert_eq!(top_percent(3, 200), 1.5);
        assert_eq!(top_percent(20, 200), 10.0);
        assert_eq!(top_percent(1, 0), 100.0);
    }
}
