// Package names folds the names of things so that two spellings of one
// name compare equal (Fold), and makes names into URL path segments and
// element ids (Slug). Content validation and point search share it, so a
// name validation accepts is the name search finds.
package names
