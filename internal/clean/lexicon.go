package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The wording that marks a block as page furniture rather than article text.
// Cues are matched case-insensitively on word boundaries. They are grouped by
// the Reason they lead to, and split into "appeal" cues, which are strong
// enough to remove a block that otherwise reads as prose when it also
// addresses the reader, and "furniture" cues, which only ever remove short,
// non-prose blocks.

func cues(words ...string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(?:` + strings.Join(words, "|") + `)(?:$|[^\pL\pN])`)
}

var (
	newsletterCues = cues(`newsletters?`, `sign(?:ing)? up`, `signup`, `subscribe`, `mailing list`,
		`receive (?:push )?notifications`, `(?:turn on|enable|allow) (?:push )?notifications`, `subscribers?`, `subscriptions?`,
		`your inbox`, `to your inbox`, `email address`, `enter your email`, `unsubscribe`, `daily email`, `weekly email`)
	// appealCues are the strongest: wording that asks the reader to sign up
	// or give. Only these remove a block that reads as prose.
	appealCues = cues(`newsletters?`, `sign(?:ing)? up (?:for|to|now|today|here)`, `subscribe (?:to|for|now|today|here)`, `(?:join|on) our mailing list`,
		`your inbox`, `donat(?:e|es|ion|ions|ing)`, `fundrais\w*`, `tax-deductible`, `funding gap`,
		`support (?:our|the|independent|us)(?: \w+)? (?:journalism|reporting|work)`,
		// Disclosures and form small print speak for the site in the same way.
		`affiliate links?`, `(?:earn|receive|make) (?:a |an )?(?:small )?(?:commission|fee)`, `amazon associate`,
		`qualifying purchases`, `privacy policy`, `terms (?:of|and) (?:use|service|conditions)`, `terms & conditions`,
		`we use cookies`, `uses cookies`, `use of cookies`, `cookie (?:policy|settings|preferences)`, `by submitting`,
		`opt out`, `all comments are moderated`,
		// Form consent: what a reader agrees to by giving an address.
		`by providing your`, `you agree to (?:receive|our|the)`, `(?:we will|we'll|we) never (?:sell|share|spam)`,
		`unsubscribe at any time`, `we respect your privacy`,
		`receive (?:push )?notifications`, `(?:turn on|enable|allow) (?:push )?notifications`,
		// App promos: alerts and apps pushed at the reader.
		`delivered (?:straight |right |directly )?to your (?:phone|device|inbox)`, `download (?:the|our) (?:\w+ )?app`, `get the (?:\w+ )?app`)
	donationCues = cues(`donat(?:e|es|ion|ions|ing)`, `fundrais\w*`, `tax-deductible`, `funding gap`, `payment methods`,
		`become a (?:member|patron|supporter)`, `support (?:our|the|independent|us)(?: \w+)? (?:journalism|reporting|work)`, `chip in`)
	promoCues = cues(`click here`, `read more`, `learn more`, `book a demo`, `get started`, `free trial`, `order now`,
		`shop now`, `buy now`, `book now`, `check (?:the )?price`, `view (?:on|at) amazon`, `see (?:the )?price`,
		`get a demo`, `request (?:a |your )?(?:demo|quote)`, `try (?:it )?(?:for )?free`, `start (?:your )?free`, `find your`, `save big`, `save \d+%`, `download (?:the|our) app`, `request a (?:quote|demo)`, `sponsored`, `advertisement`,
		`affiliate links?`, `earn (?:a|an) (?:small )?commission`, `contact us`, `get (?:a|your) (?:free )?quote`,
		`delivered (?:straight |right |directly )?to your (?:phone|device)`, `get the (?:\w+ )?app`)
	socialCues = cues(`follow us`, `follow me`, `share (?:this|on|via)`, `share`, `facebook`, `twitter`, `instagram`, `linkedin`,
		`pinterest`, `whatsapp`, `reddit`, `youtube`, `tiktok`, `bluesky`, `threads`, `rss`, `copy link`, `email this`, `print this`)
	legalCues = cues(`all rights reserved`, `©`, `copyright`, `cookies?`, `privacy policy`, `privacy notice`,
		`by providing your`, `you agree to (?:receive|our|the)`, `unsubscribe at any time`, `we respect your privacy`,
		`terms (?:of|and) (?:use|service|conditions)`, `terms & conditions`, `do not sell`, `registered (?:charity|trademarks?|in)`,
		`accessibility statement`, `disclaimer`, `disclosure`)
	navCues = cues(`skip to (?:main )?content`, `skip to navigation`, `menu`, `home`, `search`, `log ?in`, `sign in`, `log ?out`,
		`my account`, `register`, `back to top`, `previous(?: post| article)?`, `next(?: post| article)?`, `toggle`,
		`table of contents`, `breadcrumbs?`, `close`, `open`, `view all`, `see all`, `load more`, `show more`,
		`blog`, `articles`, `more articles`, `help cent(?:er|re)`, `contact(?: us)?`, `about(?: us)?`, `faqs?`, `sitemap`,
		`resources`, `careers`, `press`, `pricing`, `solutions`, `products?`, `services`, `shop`, `store`)
	relatedCues = cues(`related(?: \w+)?`, `recommended`, `we recommend`, `you may also like`, `you might also like`,
		`more from`, `more stories`, `read next`, `up next`, `most (?:read|popular)`, `popular(?: posts| stories)?`,
		`trending`, `latest(?: news| posts| stories)?`, `further reading`, `more like this`, `recent posts`, `top stories`)
	metaCues = cues(`\d+ min(?:ute)?s?(?: read)?`, `min read`, `updated`, `published`, `posted(?: on| in| by)?`,
		`comments?`, `leave a (?:comment|reply)`, `reply`, `views`, `likes?`, `tags?`, `categor(?:y|ies)`, `filed under`, `photo`, `image`)

	// readerAddress marks wording addressed to the reader or spoken by the
	// site: appeals say "you", "your", "we", "our", "us" or give an order.
	readerAddress = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(?:you|your|we|our|us|please|today|now)(?:$|[^\pL\pN])|` +
		`(?i)(?:^|[.:!?—,]\s*)(?:sign up|subscribe|join|get|support|help|donate|give|follow|click|download|register|become|save|try|shop|order|book)\b`)

	// furnitureLine is a short line of page furniture whatever its
	// punctuation: an audio player's label ("Listen to this article"), a
	// previous/next link with its post's title ("PrevPrevious: How we…"), a
	// share row's label ("Share this article:").
	furnitureLine = regexp.MustCompile(`(?i)^(?:listen(?: to)?(?: this)? (?:article|story|post)|listen now|play audio|\d+:\d+ ?listen|\d+ min(?:ute)?s? listen|audio version)\b|` +
		`^(?:prev|previous|next|older|newer)(?:\s*(?:post|article|story|entry|page))?\s*[:»«<>←→‹›|-]|^prev(?:ious)?(?:prev|previous|next)|^(?:next|previous)(?:post|article|story)|` +
		`^(?:share|share this(?: \w+)?|share on|share via|pin (?:this|it)(?: for later)?|pin (?:this |it )?for later|save (?:this |it )?for later|tweet this|spread the word)\s*[:!]?$|` +
		`(?:^|[?!.]\s*)share (?:it |this )?with (?:a friend|friends|your friends)\b`)

	// postedLine is a post's date line with its author: "Posted by David at
	// December 16, 2025 11:15 AM", "11/12/2025 by One Tree Planted".
	postedLine = regexp.MustCompile(`(?i)^(?:posted|published|written|updated)(?: by [^.!?]{1,40}?)?(?: on| at| in)? [^.!?]{0,30}\b(?:19|20)\d\d\b[^!?]{0,60}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4},? by [^.!?]{1,40}$`)

	// readingTime is a reading-time label: "11 min read".
	readingTime = regexp.MustCompile(`(?i)^\d+\s*(?:min|mins|minutes?)\.?\s*(?:read|listen)$`)

	// readMore is the link under a teaser card.
	readMore = regexp.MustCompile(`(?i)^(?:read more|continue reading|read the (?:full )?(?:story|article|post)|keep reading|read article|read post)\s*[»›→>.…:]*$`)

	// ctaLine is a call to action as a button reads: a conversion verb,
	// then what the reader gets ("Request information", "Join Medium for
	// free to get updates").
	ctaLine = regexp.MustCompile(`(?i)^(?:apply|join|request|sign[- ]?up|subscribe|register|book|claim|schedule|download|get|try|start|become)\b[^.!?]{0,60}\b(?:now|today|free|here|information|a quote|a demo|e-?book|started|trial|in touch|an account|a member)\b[^.!?]{0,40}[!.]?$|` +
		`^(?:discuss your project|request information|contact sales|talk to (?:an? )?(?:expert|specialist|advisor)|book a (?:call|consultation)|schedule a (?:call|consultation))\b`)

	// commentsHeading opens a comment section.
	commentsHeading = regexp.MustCompile(`(?i)^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion)(?:\s*\(\d+\))?:?$|` +
		`^(?:leave|post|add|write|submit) a (?:comment|reply|response)|^join the (?:discussion|conversation)|` +
		`^(?:the fine print: )?the following comments are|^(?:show|view|load|read) (?:all )?(?:\d+ )?comments|^what do you think\?$|` +
		`^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:thoughts?|responses?|comments?|replies) (?:on|to) |` +
		// WordPress's head of the first comment: "Jane Doe says:".
		// The whole line is the name (up to four words) and maybe the date, so
		// that "The mayor says: we will rebuild" in an article is no head.
		`^\p{Lu}[\pL\pN.'’-]*(?: [\pL\pN.'’-]+){0,3} says:(?:\s+[^.!?]{0,40}\b(?:19|20)\d\d\b[^.!?]{0,20})?$|^reader interactions$|^(?:\d+\s+)?(?:comments?|responses?|replies)\s*\|`)

	// endBio is an author bio as a page's last block states it, with the
	// wider range of roles a site's staff have (founder, coach, CEO) and
	// the beat ("Jane Doe covers shipping for the Gazette."). Only the
	// last blocks of a body are tried with it, where an article does not
	// introduce its people.
	endBio = regexp.MustCompile(`^(\p{Lu}[\pL'’.-]+(?: \p{Lu}[\pL'’.-]+){1,3}),? (?:is|was|has been|serves as)(?: [^ .!?]+){0,5} (?:founder|co-founder|ceo|chief \w+ officer|instructor|coach|editor|writer|reporter|expert|consultant|analyst|strategist|researcher|contributor|specialist)\b|` +
		`^(\p{Lu}[\pL'’.-]+(?: \p{Lu}[\pL'’.-]+){1,3}) (?:covers|reports on|writes about)(?: [^ .!?]+){1,8} (?:for|at) (?:the )?\p{Lu}`)

	// relatedHeading is a heading that is nothing but a related-stories
	// label ("You might also like", "More from The Week").
	relatedHeading = regexp.MustCompile(`(?i)^(?:related(?: \w+)?|recommended(?: for you| reading)?|we recommend|you (?:may|might) also (?:like|enjoy)|more from .{1,40}|more (?:stories|articles|posts|news)(?: from .{1,40})?|read (?:next|more)|up next|most (?:read|popular|viewed)|popular (?:posts|stories|articles)|trending(?: now| stories)?|latest (?:news|posts|stories|articles)|further reading|more like this|recent (?:posts|articles|stories)|top stories|keep reading|explore more)\s*:?$`)

	// commentsNotice is a notice that opens a comment thread.
	commentsNotice = regexp.MustCompile(`(?i)^(?:the fine print: )?the following comments are (?:owned|the property|the opinions)`)

	// commentsOnTitle is a comments heading that quotes the post's title.
	commentsOnTitle = regexp.MustCompile(`(?i)^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:thoughts?|responses?|comments?|replies) (?:on|to) `)

	// bioHeading introduces an author bio.
	bioHeading = regexp.MustCompile(`(?i)^(?:about the (?:author|writer|editor)s?|about me|author bio|meet the author|written by)\s*:?$`)

	// bioStart is an author bio: a name, then a verb of career, then a
	// journalistic role in the same sentence.
	bioStart = regexp.MustCompile(`^(\p{Lu}[\pL'’.-]+(?: \p{Lu}[\pL'’.-]+){0,3}) (?:is|was|has|has been|had|joined|covers|writes|lives|holds|previously)(?: [^ .!?]+){0,6} (?:writer|editor|reporter|journalist|correspondent|columnist|contributor|author|producer|freelance\w*|staff|journalism|covering|covers|writes? (?:about|for|on))\b`)

	// creditLine is a credit for reporting, editing or pictures.
	creditLine = regexp.MustCompile(`^(?:Additional reporting|Reporting|Additional research|Research|Editing|Edited|Fact-checking|Fact-checked|Illustrations?|Graphics?|Photographs?|Photos?|Video|Produced|Translated|Translation) (?:was |were )?(?:contributed )?by \S`)

	// bylineLine is a stated byline: "By Jane Doe", "By Jane Doe and John Roe".
	bylineLine = regexp.MustCompile(`^(?i:by|written by|words by)\s+(\p{Lu}[\pL'’.-]+(?:[ \x{a0}]+(?:\p{Lu}[\pL'’.-]+|de|van|von|der|da|di|al|bin|la|le)){1,4}(?:(?:,| and| &)[ \x{a0}]+\p{Lu}[\pL'’.-]+(?:[ \x{a0}]+\p{Lu}[\pL'’.-]+){1,4})*)\s*$`)

	// captionCredit is a photo caption that ends in its credit, as text
	// copied from a figure reads: "…on Friday.Evan Vucci/AP" or
	// "…on Friday. (Photo: Evan Vucci/AP)".
	captionCredit = regexp.MustCompile(`^(.{20,}?[.!?”"’)])\s*\(?(?:(?:Photo|Image|Picture|Credit|Photograph)s?(?: by|:)\s*)?((?:\p{Lu}[\pL'’.-]*(?:[ \x{a0}]\p{Lu}[\pL'’.-]*){0,4})(?:\s?/\s?\p{Lu}[\pL&.-]*(?:[ \x{a0}]\p{Lu}[\pL&.-]*){0,3}))\)?$`)

	// dateLine is a block that is only a date and maybe a time.
	dateLine = regexp.MustCompile(`(?i)^(?:(?:published|updated|posted|last updated|modified)(?: on)?:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\w+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\w{2,4})?)?\.?$|^\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?$`)

	// separatorLine is a block made only of bullets, dashes or bars, as
	// headline lists and menus are rendered.
	separatorLine = regexp.MustCompile(`^[\s\-–—•·|/*>»]+$`)
)

// stopwords are the common English function words whose density tells prose
// from labels (the jusText feature).
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
		before being below between both but by can could did do does doing down during each few for from further had has
		have having he her here hers herself him himself his how i if in into is it its itself just me more most my
		myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such
		than that the their theirs them themselves then there these they this those through to too under until up very
		was we were what when where which while who whom why will with would you your yours yourself yourselves said
		says one may might must shall also new like well even still much many`) {
		m[w] = true
	}
	return m
}()

// The patterns above are rich, so each is tried only on blocks that could
// match at all: short enough, and holding the one thing the pattern cannot
// do without. This keeps the classifier linear and fast on hostile input.

// roleWords are the words a bio must hold one of; a substring test on the
// lower-cased text, much cheaper than bioStart, screens blocks for it.
var roleWords = strings.Fields("writer editor reporter journalist correspondent columnist contributor author producer freelance staff covers covering writes")

func hasRoleWord(s string) bool {
	low := strings.ToLower(s)
	for _, w := range roleWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// caption returns the caption and credit of a block that is a photo caption
// ending in its credit, or nil.
func caption(s string) []string {
	if len(s) > 600 || !strings.Contains(s, "/") {
		return nil
	}
	return captionCredit.FindStringSubmatch(s)
}

// byline returns the names of a stated byline ("By Jane Doe"), or "".
func byline(s string) string {
	if len(s) > 200 {
		return ""
	}
	low := strings.ToLower(s)
	if !strings.HasPrefix(low, "by") && !strings.HasPrefix(low, "written by") && !strings.HasPrefix(low, "words by") {
		return ""
	}
	if m := bylineLine.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// isBio reports whether a block is an author bio.
func isBio(s string) bool {
	return len(s) <= 1500 && hasRoleWord(s) && bioStart.MatchString(s)
}

// isDate reports whether a block is only a date and maybe a time.
func isDate(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) <= 80 && dateLine.MatchString(s)
}

// readerWords and readerOrders are readerAddress's two word lists.
var (
	readerWords  = []string{"you", "your", "we", "our", "us", "please", "today", "now"}
	readerOrders = []string{"sign up", "subscribe", "join", "get", "support", "help", "donate", "give", "follow", "click", "download", "register", "become", "save", "try", "shop", "order", "book"}
)

// addressesReader is readerAddress.MatchString without the regexp engine,
// which on a page of thousands of paragraphs took as long as the rest of
// the classifier: a word of readerWords, or an order of readerOrders at the
// start or after a stop, colon, dash or comma.
func addressesReader(s string) bool {
	start := -1 // the start of the current run of letters and digits
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && anyFold(readerWords, s[start:i]) {
			return true
		}
		start = -1
	}
	if start >= 0 && anyFold(readerWords, s[start:]) {
		return true
	}
	if orderAt(s) {
		return true
	}
	for i, r := range s {
		if !strings.ContainsRune(".:!?—,", r) {
			continue
		}
		rest := s[i+utf8.RuneLen(r):]
		if orderAt(strings.TrimLeft(rest, " \t\n\f\r")) {
			return true
		}
	}
	return false
}

func anyFold(list []string, w string) bool {
	for _, x := range list {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}

// orderAt reports whether s starts with an order of readerOrders that ends
// at an ASCII word boundary, as the pattern's \b.
func orderAt(s string) bool {
	for _, o := range readerOrders {
		n := prefixFold(s, o)
		if n < 0 {
			continue
		}
		if n == len(s) || !isASCIIWord(s[n]) {
			return true
		}
	}
	return false
}

// prefixFold returns the length in s of a prefix equal to o under simple
// case folding, or -1.
func prefixFold(s, o string) int {
	i := 0
	for _, want := range o {
		if i >= len(s) {
			return -1
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.EqualFold(string(r), string(want)) {
			return -1
		}
		i += size
	}
	return i
}

func isASCIIWord(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}
