import Reports
import Testing

/// A cell that a spreadsheet would run as a formula is neutralised, then quoted as RFC 4180 asks.
@Test func csvCellNeutralisesFormulas() {
    #expect(CSV.cell("=1+2") == "'=1+2")
    #expect(CSV.cell("a,b") == "\"a,b\"")
    #expect(CSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSV.cell("plain") == "plain")
}
