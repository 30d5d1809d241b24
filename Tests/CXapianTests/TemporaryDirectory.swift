// TemporaryDirectory (a fresh directory per test, removed afterwards) comes from VanbanTestSupport,
// re-exported here for the whole test target.
@_exported import VanbanTestSupport
