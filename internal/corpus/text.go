package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The words the prose is drawn from. The lists are small on purpose: the
// corpus has to look like news to the Markdown parser (sentences, quotes,
// emphasis, links, headings, lists), not to a reader.
var (
	subjects = []string{
		"The minister", "The president", "A spokesperson", "The committee", "Officials",
		"The senator", "Negotiators", "The ambassador", "Analysts", "The chancellor",
		"Diplomats", "The mayor", "Investigators", "The delegation", "Campaign aides",
		"The prime minister", "Lawmakers", "The central bank", "Critics", "Supporters",
	}
	verbs = []string{
		"said", "warned", "insisted", "acknowledged", "denied", "argued", "suggested",
		"confirmed", "claimed", "announced", "repeated", "conceded", "noted", "signalled",
	}
	nouns = []string{
		"summit", "agreement", "sanctions", "election", "interference", "talks", "trade",
		"budget", "ceasefire", "inquiry", "report", "meeting", "statement", "vote",
		"coalition", "pipeline", "tariffs", "security", "border", "treaty", "economy",
		"deadline", "proposal", "investigation", "hearing", "referendum", "protest",
		"negotiation", "alliance", "delegation", "memo", "briefing", "cyberattack",
	}
	adjectives = []string{
		"bilateral", "tense", "lengthy", "brief", "unexpected", "cordial", "private",
		"public", "formal", "informal", "closed-door", "long-awaited", "contentious",
		"preliminary", "final", "diplomatic", "economic", "sweeping", "narrow", "rare",
	}
	fillers = []string{
		"according to people familiar with the discussions",
		"in remarks to reporters on Friday",
		"after a meeting that ran well past its scheduled hour",
		"though neither side released a full account",
		"in a statement issued late in the evening",
		"as protesters gathered outside the conference centre",
		"before the delegations sat down for a working dinner",
		"while markets waited for a clearer signal",
		"in an interview broadcast the following morning",
		"despite repeated questions from the press",
	}
	places = []string{
		"Hamburg", "Osaka", "Helsinki", "Brussels", "Geneva", "Vienna", "Buenos Aires",
		"Biarritz", "Singapore", "Hanoi", "Warsaw", "Ottawa", "Canberra", "Nairobi",
	}
	names = []string{
		"Ada Brennan", "Tomas Okafor", "Mei Lindqvist", "Rafael Duarte", "Hannah Sato",
		"Idris Keller", "Lucia Moreau", "Jonah Petrov", "Amara Nwosu", "Felix Andersen",
		"Priya Raman", "Oskar Halvorsen", "Sofia Ricci", "Daniel Mbeki", "Yara Haddad",
	}
	publications = []string{
		"The Morning Ledger", "Capital Dispatch", "The Northern Courier", "Global Wire",
		"The Evening Standard-Bearer", "Harbour Times", "The Civic Review", "Metro Gazette",
	}
	goIdents = []string{
		"article", "page", "slug", "title", "body", "site", "index", "buf", "out", "src",
		"count", "total", "name", "path", "doc", "node", "tmpl", "files", "err", "ctx",
	}
)

// pick returns a random element of list.
func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// sentence is one sentence of 12 to 28 words, sometimes a quotation.
func sentence(r *rand.Rand) string {
	var b strings.Builder
	switch r.IntN(5) {
	case 0: // a quotation with attribution
		who := pick(r, subjects)
		fmt.Fprintf(&b, "\"We had a %s discussion about the %s and the %s,\" %s %s.",
			pick(r, adjectives), pick(r, nouns), pick(r, nouns), strings.ToLower(who[:1])+who[1:], pick(r, verbs))
	case 1: // a place and a clause
		fmt.Fprintf(&b, "In %s, %s %s that the %s %s would not change, %s.",
			pick(r, places), strings.ToLower(pick(r, subjects)), pick(r, verbs), pick(r, adjectives), pick(r, nouns), pick(r, fillers))
	default:
		fmt.Fprintf(&b, "%s %s that the %s %s", pick(r, subjects), pick(r, verbs), pick(r, adjectives), pick(r, nouns))
		for n := 2 + r.IntN(5); n > 0; n-- {
			switch r.IntN(4) {
			case 0:
				fmt.Fprintf(&b, " and the %s", pick(r, nouns))
			case 1:
				fmt.Fprintf(&b, " over the %s %s", pick(r, adjectives), pick(r, nouns))
			case 2:
				fmt.Fprintf(&b, " with the *%s*", pick(r, nouns))
			default:
				fmt.Fprintf(&b, " after the %s in %s", pick(r, nouns), pick(r, places))
			}
		}
		if r.IntN(3) == 0 {
			fmt.Fprintf(&b, ", %s", pick(r, fillers))
		}
		b.WriteByte('.')
	}
	return b.String()
}

// paragraph is two to six sentences.
func paragraph(r *rand.Rand) string {
	n := 2 + r.IntN(5)
	s := make([]string, n)
	for i := range s {
		s[i] = sentence(r)
	}
	return strings.Join(s, " ")
}

// title is a headline of a few words, in sentence case.
func title(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %s %s in %s", pick(r, subjects), pick(r, verbs), pick(r, adjectives), pick(r, nouns), pick(r, places))
}

// goBlock is a fenced Go block of exactly 20 lines of code.
func goBlock(r *rand.Rand) string {
	id := func() string { return pick(r, goIdents) }
	lines := []string{
		"package main",
		"",
		`import "fmt"`,
		"",
		fmt.Sprintf("// %s counts the %s in a %s.", id(), pick(r, nouns), pick(r, nouns)),
		fmt.Sprintf("func %s(%s []string) (int, error) {", id(), id()),
		fmt.Sprintf("\t%s := 0", id()),
		fmt.Sprintf("\tfor i, %s := range %s {", id(), id()),
		fmt.Sprintf("\t\tif len(%s) > %d {", id(), 10+r.IntN(90)),
		fmt.Sprintf("\t\t\treturn i, fmt.Errorf(\"%%s: too long\", %s)", id()),
		"\t\t}",
		fmt.Sprintf("\t\t%s += len(%s)", id(), id()),
		"\t}",
		fmt.Sprintf("\treturn %s, nil", id()),
		"}",
		"",
		"func main() {",
		fmt.Sprintf("\tn, err := %s([]string{%q, %q})", id(), pick(r, nouns), pick(r, places)),
		"\tfmt.Println(n, err)",
		"}",
	}
	return "```go\n" + strings.Join(lines, "\n") + "\n```"
}

// words counts the words of s the way a reader would (runs of non-space).
func words(s string) int { return len(strings.Fields(s)) }
