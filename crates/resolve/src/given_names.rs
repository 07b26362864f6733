//! Given names that tell a person's gender in English-language news, so that a person the
//! story names ("Craig Prater", "Christine Rush") is someone "he" or "she" can point to, and
//! "she said" is never given to a man.
//!
//! Written by hand for this project: common given names of the English-speaking world and
//! names frequent in international news. A name that is as often a surname, a place, a month or
//! a common word ("Lee", "Jordan", "May", "Grace") or that is given to both sexes ("Chris",
//! "Sam", "Kim", "Alex") is left out: a wrong gender costs more than none.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::speakers::Gender;

#[rustfmt::skip] // word lists, packed
const MALE: &[&str] = &[
    "Aaron", "Abdul", "Abdullah", "Adam", "Adrian", "Ahmed", "Ahmet", "Alain", "Alan", "Alasdair", "Alastair",
    "Albert", "Alberto", "Alejandro", "Alexander", "Alexei", "Alfred", "Alistair", "Alun", "Andre", "Andres",
    "Andrew", "Andy", "Angus", "Anil", "Anthony", "Antonio", "Ariel", "Arnold", "Arsene", "Arthur", "Asif", "Barack",
    "Barry", "Bashar", "Ben", "Benjamin", "Bernard", "Bernie", "Bill", "Billy", "Bob", "Bobby", "Boris", "Brad",
    "Bradley", "Brendan", "Brian", "Bruce", "Bryan", "Callum", "Carl", "Carlos", "Charles", "Christopher", "Ciaran",
    "Claude", "Claudio", "Clint", "Clive", "Colin", "Conor", "Craig", "Curtis", "Cyril", "Dafydd", "Damon", "Dan",
    "Daniel", "Danny", "Darren", "Dave", "David", "Declan", "Dennis", "Derek", "Dermot", "Desmond", "Didier", "Diego",
    "Dieter", "Dmitry", "Dominic", "Donald", "Douglas", "Duncan", "Dwayne", "Dwight", "Eamonn", "Eddie", "Eduardo",
    "Edward", "Ehud", "Eidur", "Elton", "Elvis", "Emlyn", "Emmanuel", "Eric", "Ernest", "Ethan", "Euan", "Eugene",
    "Ewan", "Felipe", "Fergus", "Fernando", "Fidel", "Francesco", "Francis", "Francois", "Frank", "Frankie", "Franz",
    "François", "Fred", "Frederick", "Gareth", "Gary", "Gavin", "Geoff", "Geoffrey", "George", "Geraint", "Gerald",
    "Gerard", "Gerhard", "Gerry", "Gethin", "Gianfranco", "Gianni", "Giovanni", "Giuseppe", "Glenn", "Glyn", "Goran",
    "Gordon", "Graeme", "Graham", "Greg", "Gregory", "Guy", "Gwyn", "Hamid", "Hamish", "Hans", "Harold", "Harry",
    "Hassan", "Heinz", "Helmut", "Henry", "Herbert", "Herman", "Hiroshi", "Horace", "Hosni", "Hugh", "Hugo", "Huw",
    "Hywel", "Iain", "Ian", "Ibrahim", "Ieuan", "Igor", "Imran", "Isaac", "Ivan", "Jack", "Jacob", "Jacques", "Jake",
    "James", "Jamie", "Jason", "Javier", "Jean-Claude", "Jeff", "Jeffrey", "Jenson", "Jeremy", "Jerome", "Jerry",
    "Jim", "Jimmy", "Joachim", "Joe", "Joel", "John", "Johnny", "Jonah", "Jonathan", "Jonny", "Jorge", "Jose",
    "Joseph", "Josh", "Joshua", "José", "Juan", "Jude", "Junichiro", "Jurgen", "Justin", "Jürgen", "Karim", "Karl",
    "Keanu", "Keith", "Ken", "Kenji", "Kenneth", "Kenny", "Kevin", "Khalid", "Kieran", "Kimi", "Klaus", "Kofi",
    "Larry", "Laurent", "Lawrence", "Leonard", "Leonardo", "Leroy", "Liam", "Lionel", "Lleyton", "Louis", "Luca",
    "Luis", "Luiz", "Luke", "Mahmoud", "Malcolm", "Manmohan", "Manuel", "Marat", "Marco", "Marcus", "Mark", "Martin",
    "Marvin", "Massimo", "Matt", "Matthew", "Mehmet", "Michael", "Michel", "Mick", "Miguel", "Mike", "Mikhail",
    "Mohammad", "Mohammed", "Muhammad", "Mustafa", "Narendra", "Nathan", "Neil", "Niall", "Nicholas", "Nick",
    "Nicolas", "Nigel", "Noah", "Noel", "Norman", "Oliver", "Olivier", "Olusegun", "Omar", "Oscar", "Otto", "Owen",
    "Ozzy", "Pablo", "Padraig", "Paolo", "Patrick", "Paul", "Pedro", "Pete", "Peter", "Phil", "Philip", "Phillip",
    "Pierre", "Rafael", "Rahul", "Rajiv", "Ralf", "Ralph", "Raul", "Raymond", "Recep", "Reginald", "Rhys", "Ricardo",
    "Richard", "Ricky", "Ringo", "Robbie", "Robert", "Roberto", "Rodrigo", "Roger", "Ron", "Ronald", "Ronan",
    "Ronnie", "Rory", "Roy", "Rubens", "Rudy", "Rupert", "Russell", "Ruud", "Ryan", "Saddam", "Samuel", "Sanjay",
    "Scott", "Seamus", "Sean", "Sebastian", "Sergei", "Sergey", "Sergio", "Seth", "Shahid", "Shane", "Shimon",
    "Shinzo", "Sidney", "Silvio", "Simon", "Stanley", "Stephen", "Steve", "Steven", "Stewart", "Stuart", "Sunil",
    "Sven", "Sylvester", "Takeshi", "Tariq", "Ted", "Terry", "Thabo", "Theo", "Thierry", "Thomas", "Tim", "Timothy",
    "Tom", "Tony", "Trevor", "Tyler", "Uwe", "Victor", "Vijay", "Vincent", "Vladimir", "Walter", "Warren", "Wayne",
    "Wesley", "William", "Wolfgang", "Xavier", "Yasser", "Yitzhak", "Yusuf", "Zachary", "Zinedine",
];

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "Abigail", "Agnes", "Aishwarya", "Alessandra", "Alice", "Alicia", "Alison", "Amanda", "Amelia", "Amy",
    "Anastasia", "Andrea", "Angela", "Angelina", "Ann", "Anna", "Anne", "Annette", "Annie", "Aoife", "Aretha",
    "Avril", "Barbara", "Beatrice", "Benazir", "Bernadette", "Beth", "Betty", "Beverley", "Beverly", "Beyonce",
    "Brenda", "Brigitte", "Britney", "Camilla", "Carla", "Carmen", "Carol", "Carole", "Caroline", "Carolyn", "Cate",
    "Catherine", "Catriona", "Charlize", "Charlotte", "Cherie", "Cheryl", "Chiara", "Chloe", "Christiane",
    "Christina", "Christine", "Cilla", "Claire", "Clare", "Condoleezza", "Cristina", "Cynthia", "Danielle", "Davina",
    "Debbie", "Deborah", "Debra", "Denise", "Diana", "Diane", "Dilma", "Dolly", "Donna", "Doris", "Dorothy", "Edwina",
    "Eileen", "Elaine", "Elena", "Elizabeth", "Ellen", "Ellie", "Emily", "Emma", "Eugenie", "Evelyn", "Fearne",
    "Fernanda", "Fiona", "Frances", "Francesca", "Francoise", "Gail", "Gemma", "Gillian", "Gina", "Giulia", "Gloria",
    "Gwen", "Gwyneth", "Halle", "Hannah", "Harriet", "Hazel", "Heather", "Heidi", "Helen", "Helena", "Hilary",
    "Hillary", "Imelda", "Indira", "Ingrid", "Irene", "Irina", "Isabel", "Isabella", "Isabelle", "Jacqueline",
    "Jacqui", "Jade", "Jane", "Janet", "Janice", "Jennie", "Jennifer", "Jenny", "Jessica", "Jill", "Joan", "Joanna",
    "Joanne", "Jodie", "Joss", "Joyce", "Judi", "Judith", "Judy", "Julia", "Julianne", "Julie", "Justine", "Karen",
    "Kate", "Katherine", "Kathleen", "Kathryn", "Katie", "Keira", "Kimberly", "Kirsten", "Kirstie", "Kirsty",
    "Kristin", "Kylie", "Laura", "Lauren", "Leanne", "Lesley", "Linda", "Lisa", "Lorraine", "Louise", "Lucia", "Lucy",
    "Madeleine", "Mairead", "Mandy", "Margaret", "Maria", "Mariah", "Marie", "Marilyn", "Marta", "Martha", "Martina",
    "Mary", "Maureen", "Megan", "Melissa", "Meryl", "Michelle", "Monica", "Monika", "Morag", "Nancy", "Naomi",
    "Natalia", "Natalie", "Natasha", "Nathalie", "Niamh", "Nicola", "Nicole", "Nina", "Norah", "Olga", "Olivia",
    "Oprah", "Orla", "Pamela", "Paola", "Patricia", "Paula", "Pauline", "Penelope", "Pilar", "Priti", "Priyanka",
    "Rachel", "Rebecca", "Reese", "Renee", "Ruth", "Sabine", "Sally", "Samantha", "Sandra", "Sara", "Sarah",
    "Scarlett", "Serena", "Shania", "Sharon", "Sheila", "Shilpa", "Shirley", "Siobhan", "Sonia", "Sophia", "Sophie",
    "Stacey", "Stephanie", "Susan", "Svetlana", "Sylvie", "Ségolène", "Tanya", "Tatiana", "Teresa", "Tessa",
    "Theresa", "Tina", "Tracey", "Tracy", "Ursula", "Valerie", "Victoria", "Virginia", "Wendy", "Whitney", "Yulia",
    "Yvette", "Zara", "Zoe",
];

/// The gender a given name tells, if it tells one.
/// (Asked of every capitalised word of an article: a hash lookup, not a scan of the lists.)
pub(crate) fn gender_of_given_name(name: &str) -> Option<Gender> {
    static BY_NAME: LazyLock<FxHashMap<&'static str, Gender>> =
        LazyLock::new(|| MALE.iter().map(|n| (*n, Gender::Male)).chain(FEMALE.iter().map(|n| (*n, Gender::Female))).collect());
    BY_NAME.get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_name_is_given_both_genders() {
        for m in MALE {
            assert!(!FEMALE.contains(m), "{m}");
        }
    }

    #[test]
    fn a_given_name_tells_its_gender_and_other_words_none() {
        assert_eq!(gender_of_given_name("Craig"), Some(Gender::Male));
        assert_eq!(gender_of_given_name("Christine"), Some(Gender::Female));
        for w in ["May", "Jordan", "Chris", "Beijing", "craig", ""] {
            assert_eq!(gender_of_given_name(w), None, "{w}");
        }
    }
}
