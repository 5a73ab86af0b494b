# Reads `pdftotext -bbox-layout` output and checks every justified paragraph: each
# line but the last starts where the paragraph starts and ends at the right margin,
# both within 0.5 pt. A paragraph is a run of lines at most 16 pt apart (the body's
# line pitch is 15 pt, paragraphs are further apart); it is justified if its first
# line ends at the right margin. Prints the counts; exits 1 on a violation.
# Variables: right (the right margin's x in pt).
function attr(name,   m) {
	if (match($0, name "=\"[-0-9.]+\"")) {
		m = substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
		return m + 0
	}
	return -1
}
function abs(x) { return x < 0 ? -x : x }
function flush(   i) {
	if (n >= 2 && abs(xmax[1] - right) <= 0.5) {
		paras++
		for (i = 1; i < n; i++) {
			checked++
			if (abs(xmax[i] - right) > 0.5 || abs(xmin[i] - xmin[1]) > 0.5) {
				printf "page %d: line \"%s\" spans %.2f..%.2f, not %.2f..%.2f\n",
				    page, text[i], xmin[i], xmax[i], xmin[1], right
				bad++
			}
		}
	}
	n = 0
}
/<page / { flush(); page++ }
/<line / {
	y = attr("yMin")
	if (n > 0 && (y - ymin[n] > 16 || y < ymin[n]))
		flush()
	n++
	xmin[n] = attr("xMin"); xmax[n] = attr("xMax"); ymin[n] = y; text[n] = ""
}
/<word / {
	w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
	text[n] = text[n] (text[n] == "" ? "" : " ") w
}
END {
	flush()
	printf "%d justified paragraphs, %d lines checked, %d off the margins\n", paras, checked, bad
	exit bad > 0 || checked == 0
}
