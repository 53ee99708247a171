package site

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// pageRefs is what the link check needs of one HTML page.
type pageRefs struct {
	ids   map[string]bool
	links []ref
}

type ref struct {
	tag, attr, url string
}

// scanHTML collects the ids and the URLs of one page.
func scanHTML(src []byte) pageRefs {
	r := pageRefs{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return r
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		tag := string(name)
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch key := string(k); {
			case key == "id":
				r.ids[string(v)] = true
			case key == "href" && tag != "base", key == "src", key == "poster", key == "data" && tag == "object":
				r.links = append(r.links, ref{tag, key, string(v)})
			}
		}
	}
}

// resources are the elements whose URL the browser loads by itself: one
// of these pointing off the site would be a request leaving it.
var resources = map[string]bool{"link": true, "script": true, "img": true, "source": true, "video": true, "audio": true, "iframe": true, "embed": true, "object": true, "track": true, "use": true, "image": true}

// checkLinks resolves every URL of every HTML page the way a browser does
// from file://: as a path relative to the page, naming a file, with any
// #fragment an id on that page. It returns one error per broken link.
func checkLinks(files map[string][]byte, sources map[string]string) []error {
	refs := map[string]pageRefs{}
	var pages []string
	for p, b := range files {
		if strings.HasSuffix(p, ".html") {
			refs[p] = scanHTML(b)
			pages = append(pages, p)
		}
	}
	sort.Strings(pages)
	var errs []error
	for _, p := range pages {
		from := p
		if src := sources[p]; src != "" {
			from = fmt.Sprintf("%s (from %s)", p, src)
		}
		for _, l := range refs[p].links {
			if msg := checkLink(p, l, files, refs); msg != "" {
				errs = append(errs, fmt.Errorf("link check: %s: <%s %s=%q>: %s", from, l.tag, l.attr, l.url, msg))
			}
		}
	}
	return errs
}

func checkLink(page string, l ref, files map[string][]byte, refs map[string]pageRefs) string {
	u, err := url.Parse(l.url)
	if err != nil {
		return "not a valid URL"
	}
	if u.Scheme == "data" && resources[l.tag] {
		return "" // inline: the browser requests nothing
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(l.url, "//") {
		if resources[l.tag] {
			return "loads a resource from outside the site; keep it in the site instead"
		}
		if u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto" {
			return ""
		}
		return fmt.Sprintf("the %s: scheme is not allowed", u.Scheme)
	}
	if strings.HasPrefix(u.Path, "/") {
		return "absolute path: write the URL relative to the page so the site works from disk and under any path"
	}
	target := page
	if u.Path != "" {
		target = path.Join(path.Dir(page), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			return "leaves the site"
		}
		if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
			return "names a directory: name the file (e.g. index.html) so the link works from disk"
		}
		if _, ok := files[target]; !ok {
			return fmt.Sprintf("no such file %s in the site", target)
		}
	}
	if u.Fragment != "" || strings.HasSuffix(l.url, "#") {
		r, ok := refs[target]
		if !ok {
			return fmt.Sprintf("a #fragment on %s, which is not an HTML page", target)
		}
		if !r.ids[u.Fragment] {
			return fmt.Sprintf("no element with id %q in %s", u.Fragment, target)
		}
	}
	return ""
}
