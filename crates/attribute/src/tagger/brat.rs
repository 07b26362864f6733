//! Reading brat standoff annotation (`.ann`) of attributions, as PolNeAR ships it, for training.

use super::Role;

/// One annotated span: its role and its fragments, in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub role: Role,
    pub fragments: Vec<(usize, usize)>,
}

/// The Source, Cue and Content spans of a `.ann` file; other lines are ignored, and so are lines
/// that do not parse.
pub fn parse_ann(ann: &str) -> Vec<Annotation> {
    let mut out = Vec::new();
    for line in ann.lines() {
        if !line.starts_with('T') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(_), Some(def)) = (cols.next(), cols.next()) else { continue };
        let Some((label, ranges)) = def.split_once(' ') else { continue };
        let role = match label {
            "Source" => Role::Source,
            "Cue" => Role::Cue,
            "Content" => Role::Content,
            _ => continue,
        };
        let fragments: Option<Vec<(usize, usize)>> = ranges
            .split(';')
            .map(|r| {
                let (a, b) = r.trim().split_once(' ')?;
                let (a, b) = (a.parse().ok()?, b.parse().ok()?);
                (a < b).then_some((a, b))
            })
            .collect();
        if let Some(fragments) = fragments.filter(|f| !f.is_empty()) {
            out.push(Annotation { role, fragments });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_roles_and_discontinuous_fragments() {
        let ann =
            "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 12;20 25\tx\nE1\tAttribution:T2\nT4\tDiscard 1 2\tx\nT5\tCue 9 x\tbad\n";
        let a = parse_ann(ann);
        assert_eq!(a.len(), 3);
        assert_eq!(a[0], Annotation { role: Role::Source, fragments: vec![(0, 2)] });
        assert_eq!(a[2].fragments, vec![(8, 12), (20, 25)]);
    }
}
