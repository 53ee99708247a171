// Package browsertest proves in a real browser what a reader of a built
// dossier gets. It holds tests only.
//
// The tests build the site from the repository's content/ and templates/
// into temporary directories and open it in Debian's headless Chromium,
// driven through chromedp, three ways:
//
//	file    from disk, file:///…/index.html, as a downloaded copy is read
//	root    from an HTTP server at the domain root
//	pages   under /dossier/, as on GitHub Pages: /x serves x.html, a
//	        directory serves its index.html, a missing path serves 404.html
//
// Each way, the tests crawl every page reachable from index.html by
// following the links the browser sees, and assert on every page: no console
// error, no failed request, no request that leaves the site, the stylesheet
// applied, every #fragment target present, no horizontal scrolling at
// 375×740 (a phone) or at 1280×800, and no axe-core violation of the WCAG
// 2.2 A and AA rules, in the light and the dark color scheme. A page under
// timelines/ must show its two event columns side by side at 1280 and
// stacked at 375. Under a server, a shallow and a deep missing path must
// render the 404 page styled, with links that work.
//
// TestHTMLValid runs the Nu Html Checker over every built page.
//
// # Requirements and variables
//
// The tests need chromium, java, and the npm packages of package.json
// installed into this directory (npm ci --prefix internal/browsertest).
// Without them they skip, saying what is missing, unless
// DOSSIER_BROWSER_TESTS=1, which makes them required: CI (.ci/run) sets it.
//
// Screenshots of the index, an article and every timeline at both widths
// are written when a browser check fails, and always when
// DOSSIER_SCREENSHOTS names a directory. On failure without that variable
// they go to internal/browsertest/screenshots/ (ignored by git).
// DOSSIER_CHROMIUM names another Chromium binary.
package browsertest
