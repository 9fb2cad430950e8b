// The start-up yardstick: reads one line like `rubdown` does and answers through Foundation.
import Foundation

let line = readLine(strippingNewline: true) ?? ""
FileHandle.standardOutput.write(Data("hello, \(line)\n".utf8))
