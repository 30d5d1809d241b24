// vanban-serve: the search server, a program of its own so that `vanban`'s other commands start
// without loading it. `vanban serve …` runs it (Sources/vanban/ServeProgram.swift).

import VanbanCLI

CommandMain.run(ServeCommand.self)
