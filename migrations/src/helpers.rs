//! Small builders every migration uses.

use sea_orm_migration::prelude::*;

/// A foreign key from `from` (table, column) to `to` (table, column).
pub(crate) fn fk(from: (impl IntoIden, impl IntoIden), to: (impl IntoIden, impl IntoIden)) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from.0, from.1).to(to.0, to.1).to_owned()
}

/// An index named `name` on `cols` of `table`.
pub(crate) fn index(name: &str, table: impl IntoIden, cols: &[&str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(Alias::new(*c));
    }
    i.to_owned()
}
