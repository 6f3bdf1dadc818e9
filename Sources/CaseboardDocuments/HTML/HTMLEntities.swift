/// HTML character references: the named entities case reports use, and numeric references.
enum HTMLEntities {
    /// A decoded reference.
    struct Reference {
        var text: String
        /// The bytes of the reference, from `&` through `;` when present.
        var length: Int
        /// True when a numeric reference named no valid character and became U+FFFD.
        var invalid: Bool
    }

    /// Decodes the character reference at `index` (which holds `&`), or returns nil when the
    /// bytes are not a reference HTML would decode, such as an unknown name; those stay as text.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Reference? {
        guard index + 1 < end else { return nil }
        if input[index + 1] == 0x23 { return decodeNumeric(input, at: index, end: end) }
        // The longest name in the table is short; a bounded scan keeps "&&&&…" linear.
        var cursor = index + 1
        while cursor < end, cursor - index <= 32, isAlphanumeric(input[cursor]) { cursor += 1 }
        guard cursor > index + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: input[(index + 1)..<cursor]), as: UTF8.self)
        let hasSemicolon = cursor < end && input[cursor] == 0x3B
        if hasSemicolon, let scalar = named[name] {
            return Reference(text: String(Character(scalar)), length: cursor + 1 - index, invalid: false)
        }
        // A few legacy names decode without the semicolon, as browsers do ("&amp", "&nbsp").
        if !hasSemicolon, legacyWithoutSemicolon.contains(name), let scalar = named[name] {
            return Reference(text: String(Character(scalar)), length: cursor - index, invalid: false)
        }
        return nil
    }

    /// Decodes every reference in an attribute value or other unmapped text.
    static func decodeAll(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { mutable in
            let input = UnsafeBufferPointer(mutable)
            var result = ""
            var runStart = 0
            var index = 0
            while index < input.count {
                if input[index] == 0x26, let reference = decode(input, at: index, end: input.count) {
                    result += String(decoding: UnsafeBufferPointer(rebasing: input[runStart..<index]), as: UTF8.self)
                    result += reference.text
                    index += reference.length
                    runStart = index
                } else {
                    index += 1
                }
            }
            result += String(decoding: UnsafeBufferPointer(rebasing: input[runStart..<input.count]), as: UTF8.self)
            return result
        }
    }

    private static func decodeNumeric(_ input: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Reference? {
        var cursor = index + 2
        var hex = false
        if cursor < end, input[cursor] | 0x20 == 0x78 {
            hex = true
            cursor += 1
        }
        let digitsStart = cursor
        var value: UInt32 = 0
        var overflow = false
        while cursor < end {
            let byte = input[cursor]
            let digit: UInt32
            if byte >= 0x30 && byte <= 0x39 {
                digit = UInt32(byte - 0x30)
            } else if hex, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x66 {
                digit = UInt32((byte | 0x20) - 0x61 + 10)
            } else {
                break
            }
            // Clamp instead of overflowing; anything past U+10FFFF is invalid anyway.
            if !overflow {
                value = value * (hex ? 16 : 10) + digit
                if value > 0x10FFFF { overflow = true }
            }
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        if cursor < end, input[cursor] == 0x3B { cursor += 1 }
        let length = cursor - index
        if overflow || value == 0 || (value >= 0xD800 && value <= 0xDFFF) {
            return Reference(text: "\u{FFFD}", length: length, invalid: true)
        }
        if value >= 0x80 && value <= 0x9F {
            // Pages write Windows-1252 byte values as references ("&#150;" for an en dash).
            return Reference(text: String(Character(Windows1252.scalar(UInt8(value)))), length: length, invalid: false)
        }
        if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D || value == 0x7F {
            return Reference(text: "\u{FFFD}", length: length, invalid: true)
        }
        guard let scalar = Unicode.Scalar(value) else { return Reference(text: "\u{FFFD}", length: length, invalid: true) }
        return Reference(text: String(Character(scalar)), length: length, invalid: false)
    }

    @inline(__always)
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private static let legacyWithoutSemicolon: Set<String> = [
        "amp", "AMP", "lt", "LT", "gt", "GT", "quot", "QUOT", "nbsp", "copy", "COPY", "reg", "REG", "deg", "micro", "plusmn",
        "times", "middot", "sect", "para",
    ]

    /// Named references, as "name hex" pairs; parsed once.
    static let named: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [:]
        let words = namedSource.split(whereSeparator: { $0 == " " || $0 == "\n" })
        var index = 0
        while index + 1 < words.count {
            if let value = UInt32(words[index + 1], radix: 16), let scalar = Unicode.Scalar(value) {
                table[String(words[index])] = scalar
            }
            index += 2
        }
        return table
    }()

    private static let namedSource = """
        quot 22 QUOT 22 amp 26 AMP 26 apos 27 lt 3C LT 3C gt 3E GT 3E Tab 9 NewLine A excl 21 num 23 dollar 24 percnt 25
        lpar 28 rpar 29 ast 2A midast 2A plus 2B comma 2C period 2E sol 2F colon 3A semi 3B equals 3D quest 3F commat 40
        lsqb 5B lbrack 5B bsol 5C rsqb 5D rbrack 5D Hat 5E lowbar 5F grave 60 lcub 7B lbrace 7B verbar 7C vert 7C
        VerticalLine 7C rcub 7D rbrace 7D
        nbsp A0 NonBreakingSpace A0 iexcl A1 cent A2 pound A3 curren A4 yen A5 brvbar A6 sect A7 uml A8 die A8 Dot A8
        copy A9 COPY A9 ordf AA laquo AB not AC shy AD reg AE REG AE circledR AE macr AF strns AF deg B0 plusmn B1 pm B1
        PlusMinus B1 sup2 B2 sup3 B3 acute B4 DiacriticalAcute B4 micro B5 para B6 middot B7 centerdot B7 CenterDot B7
        cedil B8 Cedilla B8 sup1 B9 ordm BA raquo BB frac14 BC frac12 BD half BD frac34 BE iquest BF
        Agrave C0 Aacute C1 Acirc C2 Atilde C3 Auml C4 Aring C5 angst C5 AElig C6 Ccedil C7 Egrave C8 Eacute C9 Ecirc CA
        Euml CB Igrave CC Iacute CD Icirc CE Iuml CF ETH D0 Ntilde D1 Ograve D2 Oacute D3 Ocirc D4 Otilde D5 Ouml D6
        times D7 Oslash D8 Ugrave D9 Uacute DA Ucirc DB Uuml DC Yacute DD THORN DE szlig DF agrave E0 aacute E1 acirc E2
        atilde E3 auml E4 aring E5 aelig E6 ccedil E7 egrave E8 eacute E9 ecirc EA euml EB igrave EC iacute ED icirc EE
        iuml EF eth F0 ntilde F1 ograve F2 oacute F3 ocirc F4 otilde F5 ouml F6 divide F7 div F7 oslash F8 ugrave F9
        uacute FA ucirc FB uuml FC yacute FD thorn FE yuml FF
        Amacr 100 amacr 101 Abreve 102 abreve 103 Aogon 104 aogon 105 Cacute 106 cacute 107 Ccaron 10C ccaron 10D
        Dcaron 10E dcaron 10F Dstrok 110 dstrok 111 Emacr 112 emacr 113 Eogon 118 eogon 119 Ecaron 11A ecaron 11B
        Gbreve 11E gbreve 11F Idot 130 imath 131 inodot 131 Lstrok 141 lstrok 142 Nacute 143 nacute 144 Ncaron 147
        ncaron 148 Odblac 150 odblac 151 OElig 152 oelig 153 Racute 154 racute 155 Rcaron 158 rcaron 159 Sacute 15A
        sacute 15B Scedil 15E scedil 15F Scaron 160 scaron 161 Tcaron 164 tcaron 165 Uring 16E uring 16F Udblac 170
        udblac 171 Yuml 178 Zacute 179 zacute 17A Zdot 17B zdot 17C Zcaron 17D zcaron 17E fnof 192 circ 2C6 caron 2C7
        tilde 2DC DiacriticalTilde 2DC
        Alpha 391 Beta 392 Gamma 393 Delta 394 Epsilon 395 Zeta 396 Eta 397 Theta 398 Iota 399 Kappa 39A Lambda 39B
        Mu 39C Nu 39D Xi 39E Omicron 39F Pi 3A0 Rho 3A1 Sigma 3A3 Tau 3A4 Upsilon 3A5 Phi 3A6 Chi 3A7 Psi 3A8 Omega 3A9
        ohm 3A9 alpha 3B1 beta 3B2 gamma 3B3 delta 3B4 epsilon 3B5 epsi 3B5 zeta 3B6 eta 3B7 theta 3B8 iota 3B9
        kappa 3BA lambda 3BB lambda 3BB mu 3BC nu 3BD xi 3BE omicron 3BF pi 3C0 rho 3C1 sigmaf 3C2 sigmav 3C2
        varsigma 3C2 sigma 3C3 tau 3C4 upsilon 3C5 upsi 3C5 phi 3C6 chi 3C7 psi 3C8 omega 3C9 thetasym 3D1 thetav 3D1
        vartheta 3D1 upsih 3D2 Upsi 3D2 phiv 3D5 varphi 3D5 straightphi 3D5 piv 3D6 varpi 3D6 Gammad 3DC gammad 3DD
        digamma 3DD kappav 3F0 varkappa 3F0 rhov 3F1 varrho 3F1 epsiv 3F5 varepsilon 3F5 straightepsilon 3F5
        ensp 2002 emsp 2003 emsp13 2004 emsp14 2005 numsp 2007 puncsp 2008 thinsp 2009 ThinSpace 2009 hairsp 200A
        VeryThinSpace 200A ZeroWidthSpace 200B zwnj 200C zwj 200D lrm 200E rlm 200F hyphen 2010 dash 2010 ndash 2013
        mdash 2014 horbar 2015 Verbar 2016 Vert 2016 lsquo 2018 OpenCurlyQuote 2018 rsquo 2019 rsquor 2019
        CloseCurlyQuote 2019 sbquo 201A lsquor 201A ldquo 201C OpenCurlyDoubleQuote 201C rdquo 201D rdquor 201D
        CloseCurlyDoubleQuote 201D bdquo 201E ldquor 201E dagger 2020 Dagger 2021 ddagger 2021 bull 2022 bullet 2022
        nldr 2025 hellip 2026 mldr 2026 permil 2030 pertenk 2031 prime 2032 Prime 2033 tprime 2034 bprime 2035
        lsaquo 2039 rsaquo 203A oline 203E caret 2041 hybull 2043 frasl 2044 MediumSpace 205F NoBreak 2060 euro 20AC
        planck 210F hbar 210F plankv 210F ell 2113 numero 2116 copysr 2117 weierp 2118 wp 2118 image 2111 Im 2111
        real 211C Re 211C trade 2122 TRADE 2122 alefsym 2135 aleph 2135 beth 2136 frac13 2153 frac23 2154 frac15 2155
        frac25 2156 frac35 2157 frac45 2158 frac16 2159 frac56 215A frac18 215B frac38 215C frac58 215D frac78 215E
        larr 2190 leftarrow 2190 LeftArrow 2190 slarr 2190 uarr 2191 uparrow 2191 UpArrow 2191 rarr 2192
        rightarrow 2192 RightArrow 2192 srarr 2192 darr 2193 downarrow 2193 DownArrow 2193 harr 2194 leftrightarrow 2194
        varr 2195 nwarr 2196 nearr 2197 searr 2198 swarr 2199 map 21A6 larrhk 21A9 rarrhk 21AA crarr 21B5 lArr 21D0
        Leftarrow 21D0 uArr 21D1 Uparrow 21D1 rArr 21D2 Rightarrow 21D2 Implies 21D2 dArr 21D3 Downarrow 21D3 hArr 21D4
        iff 21D4 Leftrightarrow 21D4 rlarr 21C4 lrarr 21C6 xlarr 27F5 longleftarrow 27F5 xrarr 27F6 longrightarrow 27F6
        LongRightArrow 27F6
        forall 2200 ForAll 2200 comp 2201 part 2202 PartialD 2202 exist 2203 Exists 2203 nexist 2204 empty 2205
        emptyset 2205 varnothing 2205 nabla 2207 Del 2207 isin 2208 isinv 2208 in 2208 Element 2208 notin 2209
        ni 220B niv 220B prod 220F Product 220F coprod 2210 sum 2211 Sum 2211 minus 2212 mnplus 2213 mp 2213
        setminus 2216 setmn 2216 smallsetminus 2216 lowast 2217 compfn 2218 radic 221A Sqrt 221A prop 221D propto 221D
        vprop 221D varpropto 221D infin 221E ang 2220 angle 2220 mid 2223 nmid 2224 par 2225 parallel 2225 npar 2226
        and 2227 wedge 2227 or 2228 vee 2228 cap 2229 cup 222A int 222B Integral 222B oint 222E there4 2234
        therefore 2234 because 2235 ratio 2236 Colon 2237 sim 223C thksim 223C bsim 223D wreath 2240 nsim 2241
        sime 2243 simeq 2243 cong 2245 ncong 2247 asymp 2248 ap 2248 approx 2248 thkap 2248 ne 2260 NotEqual 2260
        equiv 2261 Congruent 2261 nequiv 2262 le 2264 leq 2264 ge 2265 geq 2265 GreaterEqual 2265 lE 2266 leqq 2266
        gE 2267 geqq 2267 ll 226A Lt 226A gg 226B Gt 226B nlt 226E nless 226E ngt 226F ngtr 226F nle 2270 nge 2271
        lsim 2272 lesssim 2272 gsim 2273 gtrsim 2273 pr 227A prec 227A sc 227B succ 227B sub 2282 subset 2282
        sup 2283 supset 2283 nsub 2284 nsup 2285 sube 2286 subseteq 2286 supe 2287 supseteq 2287 oplus 2295
        ominus 2296 otimes 2297 osol 2298 odot 2299 perp 22A5 bottom 22A5 bot 22A5 sdot 22C5 star 2606 starf 2605
        bigstar 2605 lceil 2308 rceil 2309 lfloor 230A rfloor 230B lang 27E8 langle 27E8 rang 27E9 rangle 27E9
        les 2A7D leqslant 2A7D ges 2A7E geqslant 2A7E loz 25CA lozenge 25CA squ 25A1 square 25A1 squf 25AA
        blacksquare 25AA cir 25CB bigcirc 25EF xutri 25B3 utri 25B5 utrif 25B4 xdtri 25BD dtri 25BF dtrif 25BE
        spades 2660 clubs 2663 hearts 2665 diams 2666 female 2640 male 2642 check 2713 checkmark 2713 cross 2717
        sharp 266F flat 266D natural 266E
        """
}
