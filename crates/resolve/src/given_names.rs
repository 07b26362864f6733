//! Given names that tell a person's gender in English-language news, so that a person the
//! story names ("Craig Prater", "Christine Rush") is someone "he" or "she" can point to, and
//! "she said" is never given to a man.
//!
//! Written by hand for this project: common given names of the English-speaking world and
//! names frequent in international news. A name that is as often a surname, a place, a month or
//! a common word ("Lee", "Jordan", "May", "Grace") or that is given to both sexes ("Chris",
//! "Sam", "Kim", "Alex") is left out: a wrong gender costs more than none.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::speakers::Gender;

#[rustfmt::skip] // word lists, packed
const MALE: &[&str] = &[
    "Aaron", "Abdul", "Abdullah", "Adam", "Adrian", "Ahmed", "Alan", "Alastair", "Albert", "Alejandro", "Alexander",
    "Alexei", "Alfred", "Alistair", "Andre", "Andrew", "Andy", "Angus", "Anthony", "Antonio", "Arnold", "Arsene",
    "Arthur", "Barack", "Barry", "Ben", "Benjamin", "Bernard", "Bernie", "Bill", "Billy", "Bob", "Bobby", "Boris",
    "Brendan", "Brian", "Bruce", "Bryan", "Carl", "Carlos", "Charles", "Christopher", "Clive", "Colin", "Craig",
    "Dafydd", "Dan", "Daniel", "Darren", "Dave", "David", "Dennis", "Derek", "Dmitry", "Dominic", "Donald", "Douglas",
    "Duncan", "Edward", "Elton", "Emmanuel", "Eric", "Ernest", "Ethan", "Eugene", "Felipe", "Fernando", "Francesco",
    "Francis", "Francois", "François", "Frank", "Fred", "Frederick", "Gareth", "Gary", "Gavin", "Geoff", "Geoffrey",
    "George", "Geraint", "Gerald", "Gerhard", "Gerry", "Giovanni", "Glenn", "Gordon", "Graham", "Greg", "Gregory",
    "Guy", "Hans", "Harold", "Harry", "Hassan", "Helmut", "Henry", "Hugh", "Iain", "Ian", "Ibrahim", "Igor", "Isaac",
    "Ivan", "Jack", "Jacob", "Jacques", "James", "Jason", "Jean-Claude", "Jeff", "Jeffrey", "Jeremy", "Jerry", "Jim",
    "Jimmy", "Joe", "Joel", "John", "Johnny", "Jonathan", "Jose", "José", "Joseph", "Joshua", "Juan", "Justin", "Karl",
    "Keith", "Ken", "Kenneth", "Kenny", "Kevin", "Kieran", "Klaus", "Kofi", "Larry", "Lawrence", "Leonard", "Liam",
    "Louis", "Luis", "Luke", "Malcolm", "Manuel", "Marco", "Marcus", "Mark", "Martin", "Matt", "Matthew", "Michael",
    "Miguel", "Mikhail", "Mike", "Mohammad", "Mohammed", "Muhammad", "Nathan", "Neil", "Nicholas", "Nick", "Nicolas",
    "Nigel", "Noah", "Norman", "Oliver", "Omar", "Oscar", "Owen", "Patrick", "Paul", "Pedro", "Pete", "Peter",
    "Philip", "Phillip", "Pierre", "Rafael", "Rahul", "Ralph", "Raymond", "Rhys", "Richard", "Ricky", "Robbie",
    "Robert", "Roger", "Ron", "Ronald", "Rory", "Roy", "Rupert", "Russell", "Ryan", "Samuel", "Sanjay", "Scott",
    "Sean", "Sebastian", "Sergei", "Sergey", "Seth", "Silvio", "Simon", "Stephen", "Steve", "Steven", "Stuart",
    "Sven", "Ted", "Terry", "Theo", "Thierry", "Thomas", "Tim", "Timothy", "Tom", "Tony", "Trevor", "Tyler",
    "Victor", "Vincent", "Vladimir", "Walter", "Wayne", "William", "Wolfgang", "Xavier", "Yusuf", "Zachary",
];

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "Abigail", "Agnes", "Alice", "Alison", "Amanda", "Amelia", "Amy", "Anastasia", "Andrea", "Angela", "Angelina",
    "Ann", "Anna", "Anne", "Annie", "Barbara", "Benazir", "Beth", "Betty", "Beverley", "Beverly", "Brenda", "Brigitte",
    "Britney", "Carol", "Caroline", "Carolyn", "Catherine", "Cate", "Charlotte", "Cheryl", "Chloe", "Christina",
    "Christine", "Claire", "Clare", "Condoleezza", "Cynthia", "Danielle", "Deborah", "Debra", "Denise", "Diana",
    "Diane", "Donna", "Doris", "Dorothy", "Edwina", "Elena", "Elizabeth", "Ellen", "Ellie", "Emily", "Emma",
    "Evelyn", "Fiona", "Frances", "Gillian", "Gina", "Gloria", "Gwyneth", "Hannah", "Harriet", "Heather", "Helen",
    "Hilary", "Hillary", "Indira", "Ingrid", "Irina", "Isabel", "Isabella", "Jacqueline", "Jacqui", "Jane", "Janet",
    "Janice", "Jennifer", "Jessica", "Joan", "Joanna", "Joanne", "Joyce", "Judith", "Judy", "Julia", "Julie", "Justine",
    "Karen", "Kate", "Katherine", "Kathleen", "Kathryn", "Katie", "Keira", "Kimberly", "Kirsty", "Kylie", "Laura",
    "Lauren", "Linda", "Lisa", "Louise", "Lucy", "Madeleine", "Margaret", "Maria", "Marie", "Marilyn", "Martha",
    "Martina", "Mary", "Maureen", "Megan", "Melissa", "Meryl", "Michelle", "Monica", "Nancy", "Natalia", "Natalie",
    "Nicola", "Nicole", "Nina", "Olga", "Olivia", "Oprah", "Pamela", "Patricia", "Paula", "Penelope", "Rachel",
    "Rebecca", "Ruth", "Sally", "Samantha", "Sandra", "Sarah", "Sara", "Scarlett", "Serena", "Sharon", "Sheila",
    "Shirley", "Sonia", "Sophia", "Sophie", "Stephanie", "Susan", "Svetlana", "Tatiana", "Teresa", "Tessa", "Theresa",
    "Tina", "Valerie", "Victoria", "Virginia", "Wendy", "Yulia", "Yvette", "Zoe",
];

/// The gender a given name tells, if it tells one.
/// (Asked of every capitalised word of an article: a hash lookup, not a scan of the lists.)
pub(crate) fn gender_of_given_name(name: &str) -> Option<Gender> {
    static BY_NAME: LazyLock<HashMap<&'static str, Gender>> =
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
