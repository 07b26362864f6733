use serde_json::Value;

use crate::IngestError;

/// What a JSON field means to onrecord.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldRole {
    Text,
    Html,
    Title,
    Url,
    Date,
    Outlet,
    Id,
}

/// The JSON field names looked up, in order, for each role. Dotted names reach into objects.
#[derive(Debug, Clone)]
pub struct FieldMap {
    roles: Vec<(FieldRole, Vec<String>)>,
}

impl Default for FieldMap {
    /// The names common news dumps use (news-please, CC-NEWS derivatives, Kaggle sets, GDELT tools).
    fn default() -> Self {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        FieldMap {
            roles: vec![
                (FieldRole::Text, names(&["text", "maintext", "content", "body", "article", "article_text", "full_text"])),
                (FieldRole::Html, names(&["html", "raw_html", "content_html"])),
                (FieldRole::Title, names(&["title", "headline"])),
                (FieldRole::Url, names(&["url", "link", "source_url"])),
                (
                    FieldRole::Date,
                    names(&[
                        "date", "date_publish", "published", "publish_date", "published_at", "pubdate", "date_published", "datePublished",
                    ]),
                ),
                (FieldRole::Outlet, names(&["outlet", "source_domain", "source", "publisher", "site_name", "domain"])),
                (FieldRole::Id, names(&["id", "_id", "doc_id", "article_id"])),
            ],
        }
    }
}

impl FieldMap {
    /// Applies a `--field ROLE=NAME[,NAME...]` override: these names replace the defaults.
    pub fn set(&mut self, spec: &str) -> Result<(), IngestError> {
        let bad = || IngestError::BadFieldSpec(spec.to_string());
        let (role, names) = spec.split_once('=').ok_or_else(bad)?;
        let role = match role.trim() {
            "text" => FieldRole::Text,
            "html" => FieldRole::Html,
            "title" | "headline" => FieldRole::Title,
            "url" => FieldRole::Url,
            "date" | "published" => FieldRole::Date,
            "outlet" | "source" => FieldRole::Outlet,
            "id" => FieldRole::Id,
            _ => return Err(bad()),
        };
        let names: Vec<String> = names.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        if names.is_empty() {
            return Err(bad());
        }
        for (r, v) in &mut self.roles {
            if *r == role {
                *v = names.clone();
            }
        }
        Ok(())
    }

    pub fn names(&self, role: FieldRole) -> &[String] {
        self.roles.iter().find(|(r, _)| *r == role).map_or(&[], |(_, v)| v.as_slice())
    }

    /// The first non-empty value for `role` in `obj`, as a string (numbers are printed).
    pub fn get(&self, obj: &Value, role: FieldRole) -> Option<String> {
        self.names(role).iter().find_map(|name| {
            let v = name.split('.').try_fold(obj, |v, key| v.get(key))?;
            match v {
                Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_replaces_defaults_and_reaches_nested_fields() {
        let mut m = FieldMap::default();
        let v: Value = serde_json::json!({"text": "no", "doc": {"body": "yes"}});
        assert_eq!(m.get(&v, FieldRole::Text).as_deref(), Some("no"));
        m.set("text=doc.body").unwrap();
        assert_eq!(m.get(&v, FieldRole::Text).as_deref(), Some("yes"));
        assert!(m.set("nonsense").is_err());
        assert!(m.set("colour=x").is_err());
    }
}
