// Package points is the search index over the acupressure points. It finds a
// point by any code, pinyin, hanzi or English name people use for it ("KD3",
// "ki-3", "Tàixī", "tai xi", "太溪", "Great Stream"), by the start or a part
// of a name ("kun", "spring"), and by the body areas and uses the content
// gives ("ankle", "heel pain", "cramps"), in English and in the other
// languages NewIndex is given ("脚跟", "小腿抽筋"). Names are folded by
// content/names, as content validation folds them. The app builds one
// Index (cmd/pwa) and hands it to the screens and the server.
package points
