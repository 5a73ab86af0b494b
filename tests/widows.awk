# Reads `pdftotext -bbox-layout` output and checks page breaks inside paragraphs: where
# a page's last line of text (above the footer) runs to the right margin, its
# paragraph goes on, and at least two of its lines must stand on each side of the
# break (no orphan at the foot, no widow at the head). Paragraphs are runs of lines at
# most 16 pt apart. Prints the counts; exits 1 on a violation.
# Variables: right (the right margin's x in pt), footer (y in pt below which the
# running footer stands, from the top).
function attr(name) {
	if (match($0, name "=\"[-0-9.]+\""))
		return substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0
	return -1
}
function abs(x) { return x < 0 ? -x : x }
/<page / {
	if (page > 0) endpage()
	page++; n = 0
}
/<line / {
	y = attr("yMin")
	if (y > footer)
		next
	n++; ymin[n] = y; xmax[n] = attr("xMax")
}
function endpage(   i, tail) {
	# Lines of the last paragraph run on this page.
	tail = 0
	for (i = n; i >= 1; i--) {
		tail++
		if (i == 1 || ymin[i] - ymin[i - 1] > 16) break
	}
	lasttail[page] = tail
	continues[page] = n > 0 && abs(xmax[n] - right) <= 0.5
	# Lines of the first paragraph run on this page.
	head = 0
	for (i = 1; i <= n; i++) {
		head++
		if (i == n || ymin[i + 1] - ymin[i] > 16) break
	}
	firsthead[page] = head
}
END {
	endpage()
	for (p = 1; p < page; p++) {
		if (!continues[p]) continue
		breaks++
		if (lasttail[p] < 2 || firsthead[p + 1] < 2) {
			printf "page %d/%d: %d line(s) before the break, %d after\n", p, p + 1,
			    lasttail[p], firsthead[p + 1]
			bad++
		}
	}
	printf "%d pages, %d paragraph(s) broken across pages, %d widows or orphans\n", page, breaks, bad
	exit bad > 0
}
