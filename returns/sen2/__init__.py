"""The DfE's SEN2 return (person level): EHC needs assessment requests, assessments and plans, built from the
education records, checked against the XML schema and Thrive's rules, and downloadable only when clean."""
