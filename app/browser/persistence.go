package browser

// Persistence is what the browser says about keeping the app's storage
// when the phone runs short of space (navigator.storage.persisted).
type Persistence int

// What the browser can say.
const (
	// PersistUnknown: the browser has no navigator.storage, or gave no
	// answer in time. Nothing may be said either way.
	PersistUnknown Persistence = iota
	// PersistNo: the browser may clear the storage to free space.
	PersistNo
	// PersistYes: the browser agreed to keep it until the person clears it.
	PersistYes
)
