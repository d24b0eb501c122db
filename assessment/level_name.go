package assessment

import "aimsbench/checklists"

// LevelName is a readiness level's name from the catalogue's maturity model ("Certification-
// ready" for 3), as the verdict, the ladder and every screen name it.
func LevelName(cat *checklists.Catalogue, level int) string { return levelName(cat, level) }
