/// Closed word lists the recogniser and the relation patterns lean on.
///
/// These are grammar, not knowledge: function words, titles, role nouns and
/// the heads of organisation names. Knowledge (names) lives in the lexicon.
enum Vocabulary {
    static let months: WordSet = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec",
    ]
    static let weekdays: WordSet = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    ]
    /// Capitalised words that open sentences or headings and are never names.
    static let functionWords: WordSet = [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I",
        "You", "His", "Her", "Their", "Our", "My", "Your", "But", "And", "Or", "Nor", "So", "Yet", "If",
        "When", "While", "After", "Before", "During", "Since", "Until", "As", "At", "In", "On", "Of", "For",
        "From", "To", "With", "Without", "By", "About", "Under", "Over", "Between", "Among", "Against",
        "However", "Meanwhile", "Moreover", "Furthermore", "Although", "Though", "Because", "Despite",
        "According", "There", "Here", "Some", "Many", "Most", "Other", "Others", "All", "Both", "Each",
        "Every", "No", "Not", "Any", "Such", "What", "Which", "Who", "Whom", "Whose", "Where", "Why", "How",
        "Then", "Now", "Today", "Yesterday", "Tomorrow", "Last", "Next", "Earlier", "Later", "Also", "Even",
        "Still", "Only", "Just", "More", "Less", "Much", "Few", "Several", "One", "Two", "Three", "First",
        "Second", "Third", "New", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "Is", "Are", "Was",
        "Were", "Be", "Has", "Have", "Had", "Do", "Does", "Did", "Will", "Would", "Can", "Could", "May",
        "Might", "Must", "Shall", "Should", "Yes", "Please", "Thank", "Thanks", "Instead", "Indeed",
        "Unlike", "Like", "Once", "Whether", "Either", "Neither", "Did", "Let", "Following", "Under",
        "Asked", "Speaking", "Writing", "Meanwhile", "Overall", "Elsewhere", "Finally", "Already",
    ]
    /// `functionWords` for lookups by token hash.
    static var functionWordSet: WordSet { functionWords }

    /// Honorifics and titles written before a person's name.
    static let personTitles: WordSet = [
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Professor", "President",
        "Premier", "Chancellor", "Minister", "Secretary", "Senator", "Sen", "Rep", "Representative",
        "Gov", "Governor", "Mayor", "King", "Queen", "Prince", "Princess", "Pope", "Gen", "General",
        "Col", "Colonel", "Lt", "Lieutenant", "Capt", "Captain", "Sgt", "Sergeant", "Adm", "Admiral",
        "Maj", "Major", "Judge", "Justice", "Rev", "Reverend", "Father", "Bishop", "Archbishop", "Cardinal",
        "Sheikh", "Ayatollah", "Imam", "Rabbi", "Chairman", "Chairwoman", "Commissioner", "Ambassador",
        "Deputy", "Vice", "Prime", "Foreign", "Defence", "Defense", "Home", "Interior", "Finance",
        "Justice", "Health", "Trade", "Culture", "Education", "Energy", "Speaker", "Leader", "Chief",
        "Commander", "Marshal", "Emir", "Crown", "Supreme", "Tory", "Labour", "Conservative", "Democrat",
        "Republican", "Liberal", "Shadow", "Attorney", "Detective", "Inspector", "Constable", "Officer",
        "Coach", "Manager", "Striker", "Midfielder", "Defender", "Goalkeeper", "Captain", "Actor", "Actress",
        "Singer", "Director", "Producer", "Author", "Writer", "Judge", "Agent", "Chef", "Staff", "Private",
        "Corporal", "Cpl", "Pvt", "Spc", "Specialist", "Brig", "Brigadier", "Magistrate", "Prosecutor",
        "Defense", "Secretary-General", "Undersecretary", "Lawyer", "Solicitor", "Barrister", "Economist", "Analyst",
        "Historian", "Treasurer", "Councillor", "Cllr", "Campaigner", "Activist", "Presenter", "Broadcaster", "Chairperson", "MP", "MEP", "MSP", "AM", "Baroness", "Baron", "Viscount", "Earl", "Ambassador", "Envoy", "Spokesman", "Spokeswoman",
    ]
    /// Role nouns, lower case, longest first when multi-word, with the relation they imply.
    static let roleNouns: [(phrase: [String], leads: Bool)] = [
        (["supreme", "leader"], true), (["prime", "minister"], true), (["foreign", "minister"], false),
        (["foreign", "secretary"], false), (["defence", "minister"], false), (["defense", "minister"], false),
        (["defence", "secretary"], false), (["defense", "secretary"], false), (["home", "secretary"], false),
        (["interior", "minister"], false), (["finance", "minister"], false), (["secretary", "of", "state"], false),
        (["secretary", "-", "general"], true), (["secretary", "general"], true), (["head", "of", "state"], true),
        (["deputy", "prime", "minister"], false), (["vice", "president"], false), (["chief", "executive"], true),
        (["president"], true), (["premier"], true), (["leader"], true), (["king"], true), (["queen"], true),
        (["emperor"], true), (["chairman"], true), (["chairwoman"], true), (["chair"], true), (["head"], true),
        (["chief"], true), (["chancellor"], false), (["minister"], false), (["ambassador"], false),
        (["envoy"], false), (["spokesman"], false), (["spokeswoman"], false), (["spokesperson"], false),
        (["official"], false), (["diplomat"], false), (["negotiator"], false), (["commander"], false),
        (["general"], false), (["senator"], false), (["governor"], true), (["mayor"], true),
        (["secretary"], false), (["counterpart"], false), (["dictator"], true), (["ruler"], true),
        (["monarch"], true), (["strongman"], true), (["chief", "of", "staff"], false),
    ]
    /// The first words of `roleNouns`, to rule most tokens out with one lookup.
    static let roleFirstWords = WordSet(roleNouns.map { $0.phrase[0] })

    /// Words heading organisation names: "Bank", "Ministry", "Corp".
    static let organizationHeads: WordSet = [
        "Bank", "Ministry", "Corp", "Corporation", "Inc", "Ltd", "Plc", "PLC", "LLC", "Co", "Company",
        "Group", "Party", "Council", "Committee", "Agency", "Association", "Union", "University", "Institute",
        "Commission", "Court", "Fund", "Organisation", "Organization", "Foundation", "Department", "Office",
        "Service", "Services", "Police", "Army", "Navy", "Forces", "Airlines", "Airways", "Motors", "Holdings",
        "Industries", "Club", "FC", "Times", "Post", "News", "Network", "Federation", "League", "Authority",
        "Board", "Parliament", "Assembly", "Congress", "Senate", "Church", "College", "School", "Hospital",
        "Center", "Centre", "Society", "Trust", "Alliance", "Movement", "Front", "Brigade", "Brigades",
        "Guard", "Guards", "Embassy", "Bureau", "Tribunal", "Academy", "Museum", "Exchange", "Telegraph",
        "Journal", "Herald", "Gazette", "Press", "Television", "TV", "Radio", "Broadcasting", "Media",
        "Group", "Partners", "Capital", "Securities", "Investments", "Energy", "Oil", "Petroleum", "Gas",
        "Airport", "Systems", "Technologies", "Labs", "Laboratories", "Pharmaceuticals", "Entertainment",
        "Studios", "Records", "Institution", "Secretariat", "Cabinet", "Treasury", "Command",
        "Directorate", "Unit", "Regiment", "Battalion", "Division", "Corps", "Cafe", "Café", "Restaurant",
        "Hotel", "Bar", "Pub", "Mosque", "Prison", "Stadium", "Tribunal", "Ministries", "Inc.", "Limited",
        "Fellowship", "Inquiry", "Commission", "Party", "Institute", "Auto", "Autos", "Motor", "Steel", "Mobile",
        "Telecom", "Telecoms", "Electric", "Electronics", "Chemical", "Chemicals", "Pharma", "Foods", "Brewery",
    ]
    /// Organisation heads that take "of": "Bank of England", "Ministry of Defence".
    static let organizationHeadsWithOf: WordSet = [
        "Bank", "Ministry", "University", "Department", "Embassy", "Council", "Court", "Institute",
        "Museum", "Church", "League", "Federation", "Association", "Organisation", "Organization",
        "Office", "Commission", "Committee", "Academy", "College", "Party", "Union", "Federation",
        "Chamber", "House", "Board", "Bureau", "Order", "Republic", "Kingdom", "Government", "Army",
    ]
    /// Words after a capitalised run that mark it as a place.
    static let placeHeads: WordSet = [
        "City", "Province", "Region", "River", "Mountains", "Mountain", "Island", "Islands", "Valley",
        "Street", "District", "County", "State", "Sea", "Ocean", "Lake", "Bay", "Gulf", "Peninsula",
        "Desert", "Strait", "Square", "Avenue", "Road", "Bridge", "Port", "Coast", "Plain", "Plateau",
        "North", "South", "East", "West", "Central", "Green", "Ham",
        "Building", "Palace", "Park", "Airfield", "Airbase", "Base", "Tower", "Towers", "Mall", "Market",
        "Motel", "Underground", "Heights", "Hills", "Canal", "Highway", "Lane", "Boulevard",
    ]
    /// Words that start place names: "Rue Victor Hugo", "Camp Shorabak", "Fort Hood".
    static let placeStarts: WordSet = ["North", "South", "East", "West", "Central", "Upper", "Lower", "Greater", "Rue", "Avenue", "Via", "Calle", "Camp", "Fort", "Mount", "Lake", "Cape", "Port", "Gulf", "Lake", "Mt"]
    /// Words that end the names of events, which are not entities here: "World Cup".
    static let eventHeads: WordSet = ["Paper", "Papers", "Report", "Review", "Budget", "Manifesto", "Lords", "Catholics", "Says","Cup", "Games", "Olympics", "Championship", "Championships", "Festival", "Awards", "Prize", "War", "Day", "Week", "Summit", "Conference", "Act", "Bill", "Agreement", "Treaty", "Accord", "Accords"]

    /// Verbs of saying: a capitalised run right before them is likely a person.
    static let speechVerbs: WordSet = [
        "said", "says", "told", "added", "stated", "announced", "explained", "argued", "insisted",
        "warned", "claimed", "noted", "wrote", "asked", "replied", "admitted", "denied", "confirmed",
    ]
    /// Common first names, to recognise people the lexicon does not know.
    static let firstNames: WordSet = [
        "John", "James", "David", "Michael", "Robert", "William", "Richard", "Thomas", "Charles", "Peter",
        "Paul", "Mark", "George", "Steven", "Stephen", "Andrew", "Tony", "Gordon", "Jack", "Alan", "Ian",
        "Mary", "Sarah", "Elizabeth", "Anne", "Jane", "Margaret", "Susan", "Helen", "Patricia", "Jennifer",
        "Linda", "Barbara", "Karen", "Nancy", "Lisa", "Emma", "Kate", "Claire", "Ruth", "Tessa", "Patricia",
        "Joseph", "Daniel", "Matthew", "Christopher", "Anthony", "Donald", "Kenneth", "Brian", "Kevin",
        "Jason", "Jeff", "Jeffrey", "Ryan", "Gary", "Timothy", "Tim", "Larry", "Frank", "Scott", "Eric",
        "Raymond", "Gregory", "Samuel", "Patrick", "Dennis", "Jerry", "Tyler", "Aaron", "Henry", "Adam",
        "Douglas", "Nathan", "Zachary", "Kyle", "Walter", "Harold", "Jeremy", "Ethan", "Carl", "Keith",
        "Roger", "Gerald", "Christian", "Terry", "Sean", "Arthur", "Austin", "Noah", "Lawrence", "Jesse",
        "Joe", "Bryan", "Billy", "Jordan", "Albert", "Dylan", "Bruce", "Willie", "Gabriel", "Alan",
        "Juan", "Logan", "Wayne", "Ralph", "Roy", "Eugene", "Randy", "Vincent", "Russell", "Louis",
        "Philip", "Bobby", "Johnny", "Bradley", "Martin", "Simon", "Nick", "Nicholas", "Chris", "Tom",
        "Mike", "Dave", "Steve", "Bob", "Bill", "Jim", "Ken", "Ron", "Don", "Dan", "Sam", "Ben", "Max",
        "Alex", "Alexander", "Ivan", "Sergei", "Sergey", "Dmitry", "Vladimir", "Mikhail", "Alexei",
        "Boris", "Yuri", "Viktor", "Igor", "Oleg", "Andrei", "Nikolai", "Pavel", "Olga", "Natalia",
        "Mohammed", "Muhammad", "Mohamed", "Ahmed", "Ahmad", "Ali", "Hassan", "Hussein", "Omar", "Abdul",
        "Ibrahim", "Mahmoud", "Khalid", "Yusuf", "Mustafa", "Fatima", "Aisha", "Jean", "Pierre", "Jacques",
        "Francois", "Nicolas", "Emmanuel", "Hans", "Klaus", "Angela", "Gerhard", "Wolfgang", "Helmut",
        "Carlos", "Jose", "Luis", "Jorge", "Pedro", "Maria", "Ana", "Marco", "Giuseppe", "Silvio",
        "Matteo", "Luca", "Wei", "Li", "Hu", "Xi", "Lee", "Park", "Kim", "Shinzo", "Junichiro", "Hiroshi",
        "Kofi", "Nelson", "Robert", "Thabo", "Jacob", "Olusegun", "Hamid", "Ashraf", "Benjamin", "Ariel",
        "Yasser", "Mahmoud", "Ehud", "Shimon", "Ehud", "Recep", "Bashar", "Hafez", "Saddam", "Osama",
        "Kate", "Lucy", "Sophie", "Charlotte", "Emily", "Rachel", "Rebecca", "Laura", "Hannah", "Amy",
        "Victoria", "Diana", "Hillary", "Condoleezza", "Colin", "Dick", "Donald", "Rudy", "Howard",
        "Harry", "Oliver", "Edward", "Hugh", "Neil", "Graham", "Nigel", "Malcolm", "Derek", "Trevor",
        "Clive", "Geoff", "Geoffrey", "Charlie", "Ken", "Gareth", "Alistair", "Alastair", "Iain", "Menzies",
        "Theresa", "Harriet", "Hazel", "Estelle", "Margaret", "Mo", "Clare", "Patricia", "Ruth", "Glenys",
    ]
}
