package serve

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strconv"

	"dossier/internal/content"
)

// eventsPath is the event stream's path under the base. A slug cannot
// start with "_", so no page of the site can take it.
const eventsPath = "_dossier/events"

// reloadScript is what serve mode adds to every HTML response. %s is the
// stream's URL and %d the generation of the page it is added to.
const reloadScript = `<script>
/* dossier serve: reload when the site is rebuilt (preview only, not in the built site). */
(function () {
  var es = new EventSource(%q);
  es.addEventListener("reload", function (e) {
    if (e.data !== "%d") { es.close(); location.reload(); }
  });
})();
</script>
`

// injectReload inserts the reload script before the page's last </body>,
// or at its end when it has none.
func injectReload(page []byte, events string, gen int64) []byte {
	script := fmt.Sprintf(reloadScript, events, gen)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}

// A problem is one line of the error page.
type problem struct {
	Where, Msg string
}

func problems(errs []error) []problem {
	ps := make([]problem, 0, len(errs))
	for _, err := range errs {
		var ce *content.Error
		if errors.As(err, &ce) {
			where := ce.File
			if ce.Line > 0 {
				where += ":" + strconv.Itoa(ce.Line)
				if ce.Col > 0 {
					where += ":" + strconv.Itoa(ce.Col)
				}
			}
			ps = append(ps, problem{Where: where, Msg: ce.Msg})
			continue
		}
		ps = append(ps, problem{Msg: err.Error()})
	}
	return ps
}

var errorPage = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · dossier serve</title>
<meta name="color-scheme" content="light dark">
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #b00020; }
li { margin: .75rem 0; }
code { font-weight: bold; }
pre { white-space: pre-wrap; margin: .25rem 0 0; }
@media (prefers-color-scheme: dark) { h1 { color: #ff6b81; } }
</style>
</head>
<body>
<main>
<h1>The build failed</h1>
<p>{{len .}} problem{{if gt (len .) 1}}s{{end}}. Fix the file and save: this page reloads by itself.
The other files (CSS, images) are still served from the last good build.</p>
<ol class="problems">
{{- range .}}
<li>{{with .Where}}<code>{{.}}</code>{{end}}<pre>{{.Msg}}</pre></li>
{{- end}}
</ol>
</main>
</body>
</html>
`))

// renderErrorPage is the page every HTML request gets while the last build failed.
func renderErrorPage(errs []error) []byte {
	var b bytes.Buffer
	if err := errorPage.Execute(&b, problems(errs)); err != nil {
		// The template is fixed and its data plain strings: it cannot fail.
		panic(err)
	}
	return b.Bytes()
}
