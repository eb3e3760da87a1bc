/// Migration 10: the unit hierarchy (issue 14). A unit may belong to a parent unit (kabupaten →
/// dinas/kecamatan → UPT/puskesmas/kelurahan) and may record the population it serves, for the
/// sample-adequacy check of a rekap. Both columns are NULL for existing units, which become
/// top-level units with no population; nothing else changes. Cycles are refused by SKMService
/// before a parent is written; the trigger only keeps a unit from being its own parent.
enum UnitHierarchy {
    static let migration = [
        "ALTER TABLE units ADD COLUMN parent_id INTEGER REFERENCES units(id)",
        "ALTER TABLE units ADD COLUMN population INTEGER",
        """
        CREATE TRIGGER units_not_own_parent BEFORE UPDATE OF parent_id ON units
        WHEN NEW.parent_id = NEW.id
        BEGIN SELECT RAISE(ABORT, 'a unit cannot be its own parent'); END
        """,
    ]
}
