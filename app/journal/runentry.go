package journal

import (
	"time"

	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/google/uuid"
)

// RunEntry returns the log entry for a finished or stopped run of the
// routine titled title. Its ID comes from the run itself (the routine and
// its start), so recording a run twice stores it once.
func RunEntry(r routine.Run, title string) Entry {
	e := New(KindRoutine, r.Started, r.Ended)
	e.Created = r.Started.Truncate(time.Millisecond)
	e.ID = uuid.NewSHA1(uuid.NameSpaceURL, []byte("calfsole:run:"+r.Routine+":"+r.Started.UTC().Format(time.RFC3339Nano))).String()
	e.Routine = &RoutineDone{Routine: r.Routine, Title: title, Completed: r.Status == routine.Done, Ended: r.Ended}
	done := map[string]bool{}
	for _, id := range r.Done {
		done[id] = true
	}
	for _, s := range r.Steps {
		if done[s.ID] && s.Kind != routine.SwitchKind {
			e.Routine.Steps = append(e.Routine.Steps, s.Title)
		}
	}
	return e
}
