// Package templates holds Dossier's default theme: html/template files,
// the stylesheet and the small scripts. They are embedded into the binary,
// so the command works from any directory; a site overrides any of them
// file by file by putting a file of the same name in its own templates/.
package templates

import "embed"

// FS is the default theme.
//
//go:embed *.html *.css *.js *.svg *.yaml
var FS embed.FS
