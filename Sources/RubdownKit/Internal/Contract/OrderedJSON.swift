/// A small writer for the contract's JSON lines: compact, keys in the order they are added
/// (the contract documents one; Foundation's JSONEncoder does not keep it), and every value
/// written as Foundation's JSONEncoder (with `.withoutEscapingSlashes`) writes it, so the bytes
/// are those the contract has always printed:
/// - strings: `"` and `\` escaped, the C0 controls as `\b \f \n \r \t` or `\u00xx` (lower-case
///   hex), and — beyond JSONEncoder — DEL and the C1 controls (U+007F to U+009F, among them CSI)
///   as `\u007F`...`\u009F` (upper-case hex), so no JSON line can drive a terminal it is shown on;
///   everything else, `/` and non-ASCII included, as it is;
/// - numbers: a finite `Double` as its `description` without a trailing `.0` (`10`, `0.438`,
///   `1e+16`), any other as `null` (JSONEncoder refuses them, and the contract wrote `null`);
///   an `Int` in decimal.
enum OrderedJSON {
    /// One JSON object, written key by key: `{"a":1,"b":[]}`. Keys are written as they are
    /// (the contract's keys are plain ASCII names).
    struct Object {
        /// The UTF-8 bytes written so far (appending bytes costs less than appending to a String).
        private var json: [UInt8]

        init() {
            json = [UInt8(ascii: "{")]
            json.reserveCapacity(256)
        }

        private mutating func key(_ key: String) {
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            OrderedJSON.append(key, to: &json)
            json.append(UInt8(ascii: "\""))
            json.append(UInt8(ascii: ":"))
        }

        private mutating func null() { json.append(contentsOf: "null".utf8) }

        mutating func add(_ key: String, _ value: String) {
            self.key(key)
            OrderedJSON.write(value, to: &json)
        }

        /// `null` when absent.
        mutating func add(_ key: String, _ value: String?) {
            self.key(key)
            if let value { OrderedJSON.write(value, to: &json) } else { null() }
        }

        mutating func add(_ key: String, _ value: Double) {
            self.key(key)
            OrderedJSON.write(value, to: &json)
        }

        mutating func add(_ key: String, _ value: Int) {
            self.key(key)
            json.append(contentsOf: String(value).utf8)
        }

        /// `null` when absent.
        mutating func add(_ key: String, _ value: Int?) {
            self.key(key)
            if let value { json.append(contentsOf: String(value).utf8) } else { null() }
        }

        mutating func add(_ key: String, _ value: Bool) {
            self.key(key)
            json.append(contentsOf: (value ? "true" : "false").utf8)
        }

        mutating func add(_ key: String, _ values: [String]) {
            self.key(key)
            json.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                OrderedJSON.write(value, to: &json)
            }
            json.append(UInt8(ascii: "]"))
        }

        /// A nested object; `null` when absent.
        mutating func add(_ key: String, _ value: Object?) {
            self.key(key)
            if let value {
                json.append(contentsOf: value.json)
                json.append(UInt8(ascii: "}"))
            } else {
                null()
            }
        }

        /// The object's text, closed.
        var closed: String {
            var bytes = json
            bytes.append(UInt8(ascii: "}"))
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A string literal (see the type's comment for the escapes).
    static func write(_ string: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        // The common case, nothing to escape, is appended whole (scanned and copied from the
        // string's contiguous bytes).
        var appended = string.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: mayNeedEscape) else { return false }
            json.append(contentsOf: bytes)
            return true
        }
        if appended == nil, !string.utf8.contains(where: mayNeedEscape) {
            append(string, to: &json)
            appended = true
        }
        if appended != true {
            for scalar in string.unicodeScalars {
                switch scalar.value {
                case 0x22: json.append(contentsOf: #"\""#.utf8)
                case 0x5C: json.append(contentsOf: #"\\"#.utf8)
                case 0x08: json.append(contentsOf: #"\b"#.utf8)
                case 0x0C: json.append(contentsOf: #"\f"#.utf8)
                case 0x0A: json.append(contentsOf: #"\n"#.utf8)
                case 0x0D: json.append(contentsOf: #"\r"#.utf8)
                case 0x09: json.append(contentsOf: #"\t"#.utf8)
                case 0x00...0x1F, 0x7F...0x9F:
                    let hex = scalar.value < 0x20 ? Self.lowerHex : Self.upperHex
                    json.append(contentsOf: #"\u00"#.utf8)
                    json.append(hex[Int(scalar.value >> 4)])
                    json.append(hex[Int(scalar.value & 0xF)])
                default: json.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    /// The string's UTF-8 bytes, copied at once (a native string's are contiguous).
    @inline(__always) private static func append(_ string: String, to json: inout [UInt8]) {
        if string.utf8.withContiguousStorageIfAvailable({ json.append(contentsOf: $0) }) == nil {
            json.append(contentsOf: string.utf8)
        }
    }

    /// Whether a UTF-8 byte may belong to a character that is escaped: a C0 control, `"`, `\`,
    /// DEL, or the lead byte 0xC2 of U+0080...U+00BF (the C1 controls among them).
    @inline(__always) private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2
    }

    private static let lowerHex = Array("0123456789abcdef".utf8)
    private static let upperHex = Array("0123456789ABCDEF".utf8)

    /// A number as JSONEncoder writes it; `null` for infinities and NaN.
    static func write(_ number: Double, to json: inout [UInt8]) {
        guard number.isFinite else {
            json.append(contentsOf: "null".utf8)
            return
        }
        let text = number.description
        json.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }
}
