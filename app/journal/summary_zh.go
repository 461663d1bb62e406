package journal

import "fmt"

// chinese is the summary in Chinese, short as a Chinese reader writes it:
// "过去14晚：5次抽筋，其中4次在没做调理的晚上。14晚中有6晚做了调理。"
func (sum summary) chinese() string {
	n, cramps, without, routineNights := sum.n, sum.cramps, sum.without, sum.routineNights
	crampText := "没有抽筋"
	if cramps > 0 {
		crampText = fmt.Sprintf("%d次抽筋", cramps)
	}
	if n == 1 {
		s := "今晚："
		if sum.morning {
			s = "昨晚："
		}
		if routineNights == 1 {
			return s + crampText + "，做了调理。"
		}
		return s + crampText + "，没做调理。"
	}
	s := fmt.Sprintf("过去%d晚：%s", n, crampText)
	switch {
	case cramps == 0 || routineNights == 0:
		s += "。"
	case without == 0:
		s += "，都在做了调理的晚上。"
	case without == cramps:
		s += "，都在没做调理的晚上。"
	default:
		s += fmt.Sprintf("，其中%d次在没做调理的晚上。", without)
	}
	switch routineNights {
	case 0:
		s += "这几晚都没做调理。"
	case n:
		s += "每晚都做了调理。"
	default:
		s += fmt.Sprintf("%d晚中有%d晚做了调理。", n, routineNights)
	}
	return s
}
