// Package escape makes text that comes from definitions or data safe to
// write where it could otherwise act: a Markdown comment on a pull request,
// or a terminal. A key, a label or a file's column name is data, and stays
// data: it cannot add a link, an image, a mention or a table column to
// Markdown, nor move the cursor, clear the screen, hide a link or reverse
// the text on a terminal. (The HTML form needs none of this: html/template
// escapes every string where it lands.)
package escape
