// Package quizimport turns question files written by staff into quiz-bank YAML
// (the format of quizbank/*.yaml, read by quiz.Load).
//
// It reads four formats:
//
//   - spreadsheets (.xlsx, first sheet) and .csv files that follow one column template
//     (docs/quizbank-import.md, docs/quizbank-template.xlsx): a header row naming the
//     columns in English or Chinese, then one question per row;
//   - Moodle GIFT text: multiple choice, multiple answers (weights) and true/false;
//   - Aiken text: single choice.
//
// Every row or question yields report entries that name its place in the source file
// (row N of a table, line N of a text file). A bad row never aborts the import and is
// never dropped silently: it is reported as an error and left out, and the good rows
// are still converted. Before a question is accepted it goes through the bank's own
// rules (quiz.Load on the generated YAML, together with the existing bank when one is
// given), so whatever the importer writes passes `kioskctl quizbank lint`.
//
// A question of a one-language format that lacks only what a draft may lack
// (explanation, audience, difficulty, topic, source) is written as a draft
// (status: draft), which the bank keeps but never serves.
//
// Reading is bounded (Limits): files are size-checked, a workbook is unpacked once under
// limits before excelize streams its first sheet, and rows, cells, questions and the
// output file are cut at limits with a report line naming the first row left out.
package quizimport
