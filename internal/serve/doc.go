// Package serve is Dossier's live preview: "dossier serve" builds the site
// into memory, serves it over HTTP on loopback, and rebuilds it when a
// source changes, reloading the open browser tabs.
//
// # Serving
//
// The site is served as GitHub Pages would serve it, under Config.Base
// ("/" or a project path such as "/repo/"):
//
//	BASE              index.html
//	BASE/dir/         dir/index.html
//	BASE/x            x, else x.html; a directory redirects to x/
//	anything else     404.html, status 404
//
// A path with a "." or ".." segment, a backslash or a NUL is refused with
// 400: nothing outside the built site is ever read, and the site is held in
// memory anyway. Content types come from the file extension. Responses are
// marked no-store, since a preview changes under the reader.
//
// # Reloading
//
// Every HTML response gets a few lines of script, at serve time only (the
// built files, and public/, never hold it), that opens an EventSource on
// BASE/_dossier/events. Each build that changes what is served takes a
// new generation number; the stream sends the current generation when a
// tab connects and again after every such build, and a tab whose page is
// of another generation reloads. A tab that connects late therefore still
// reloads, and one that is up to date does not.
//
// # Build errors
//
// When a rebuild fails, every HTML request gets an error page (status 500)
// naming each problem's file:line and message, with the reload script, so
// that saving a fix brings the site back; CSS and other assets keep coming
// from the last good build. The watcher never stops on an error.
//
// # Watching
//
// content/ and templates/ under the site root are watched with fsnotify,
// directory by directory, including directories created later and the two
// roots themselves appearing after the server started. Editors that save
// by writing a temporary file and renaming it over the original are seen
// as a create of the original name. Editor scratch files (dot files,
// backups ending in "~", vim's swap files and its "4913" probe) are
// ignored. Events are gathered until the sources have been quiet for a
// short while (Config.Debounce), then handed to site.Builder, which
// re-renders only what the changed files affect.
package serve
