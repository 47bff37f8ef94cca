package verify

// CandidatesDiff is candidatesDiff, for the tests on the shared data.
var CandidatesDiff = candidatesDiff
