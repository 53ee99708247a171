package clean

import "fmt"

// Article is a cleaned article: the front matter fields of
// content/articles/*.md and the body as a list of paragraphs.
type Article struct {
	Title           string   `yaml:"title"`
	Dek             string   `yaml:"dek,omitempty"`
	Publication     string   `yaml:"publication"`
	Authors         []string `yaml:"authors"`
	Credits         string   `yaml:"credits,omitempty"`
	Published       string   `yaml:"published,omitempty"`
	PublishedSource string   `yaml:"published_source,omitempty"`
	URL             string   `yaml:"url"`
	Raw             string   `yaml:"raw"`
	Event           string   `yaml:"event"`
	Photo           *Photo   `yaml:"photo,omitempty"`
	Notes           []string `yaml:"notes,omitempty"`

	// Body holds the paragraphs (Markdown blocks) in order, each verbatim
	// except for trailing ASCII spaces and minimal Markdown escaping.
	Body []string `yaml:"-"`
}

// Photo is the caption and credit of the article's lead photo; Note is for a
// person to fill in.
type Photo struct {
	Caption string `yaml:"caption,omitempty"`
	Credit  string `yaml:"credit,omitempty"`
	Note    string `yaml:"note,omitempty"`
}

// Role says what the cleaner did with a block.
type Role int

const (
	RoleBody    Role = iota // kept as article text
	RoleRemoved             // dropped; Block.Reason says why
	RoleTitle               // moved to front matter: title
	RoleDek                 // moved to front matter: dek
	RoleByline              // moved to front matter: authors
	RoleCredits             // moved to front matter: credits
	RoleCaption             // moved to front matter: photo caption and credit
)

func (r Role) String() string {
	switch r {
	case RoleBody:
		return "body"
	case RoleRemoved:
		return "removed"
	case RoleTitle:
		return "title"
	case RoleDek:
		return "dek"
	case RoleByline:
		return "byline"
	case RoleCredits:
		return "credits"
	case RoleCaption:
		return "photo caption"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// Reason names why a block was removed. The strings are what -explain shows.
type Reason string

const (
	ReasonNewsletter Reason = "newsletter prompt"
	ReasonDonation   Reason = "donation appeal"
	ReasonPromo      Reason = "call to action"
	ReasonSocial     Reason = "share or follow prompt"
	ReasonLegal      Reason = "legal, cookie or copyright notice"
	ReasonBio        Reason = "author bio"
	ReasonRelated    Reason = "related-headline list"
	ReasonNavigation Reason = "navigation"
	ReasonSiteName   Reason = "the publication's name alone (logo or box label)"
	ReasonMeta       Reason = "date, reading time or page furniture"
	ReasonOutside    Reason = "outside the article text"
	ReasonContext    Reason = "short block among page furniture"
	ReasonDuplicate  Reason = "duplicate"
	ReasonRepeated   Reason = "repeated section with an appeal"
	ReasonCaption    Reason = "further photo caption"
	ReasonComments   Reason = "comment section"
	ReasonSignoff    Reason = "author sign-off"
	ReasonExtractor  Reason = "left out by go-trafilatura"
)

// Block is one block of the input (a non-blank line of plain text, or a
// Markdown block of extracted HTML) and what became of it.
type Block struct {
	N      int    // 1-based position among the blocks, as -explain numbers them
	Line   int    // 1-based line of the input where the block starts
	Text   string // the block as read, trailing spaces removed
	Role   Role
	Reason Reason // set when Role is RoleRemoved
	Of     int    // for duplicates: the block N this one repeats
}

// Explain is the reason in words, as -explain prints it.
func (b Block) Explain() string {
	if b.Reason == ReasonDuplicate {
		return fmt.Sprintf("duplicate of block %d", b.Of)
	}
	return string(b.Reason)
}

// Report lists every block of the input with its role, so that a person can
// check what was removed.
type Report struct {
	Kind   string // "text" or "html"
	Blocks []Block
	// Notes are remarks for the person checking the import (e.g. a field that
	// must be filled in by hand).
	Notes []string
	// LeftOut, for a saved page, holds the lines of the page's visible text
	// (as a reader would copy it) that are in none of Blocks: what the HTML
	// extractor dropped before the classifier saw the page. Line is the
	// line of the visible text; Reason is ReasonExtractor.
	LeftOut []Block
	// VisibleLines is the number of lines of the page's visible text.
	VisibleLines int
}

// Removed returns the blocks that were dropped, in input order.
func (r *Report) Removed() []Block {
	var out []Block
	for _, b := range r.Blocks {
		if b.Role == RoleRemoved {
			out = append(out, b)
		}
	}
	return out
}
